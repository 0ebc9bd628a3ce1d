import HTTPTypes
import Synchronization

/// The view requests read, swapped whole by a reload: a lock held only to copy or replace one
/// reference, so a reader never waits for a load.
public final class DataHolder: Sendable {
    private struct State {
        var data: LoadedData?
        /// Why nothing is loaded yet (an empty store, an unreadable path), for 503 bodies.
        var problem: String = "the data is still loading"
    }

    private let state = Mutex(State())

    public init() {}

    /// The current view, if one is loaded.
    public var current: LoadedData? { state.withLock { $0.data } }

    /// The current view, or a 503 saying why there is none.
    func require() throws -> LoadedData {
        let (data, problem) = state.withLock { ($0.data, $0.problem) }
        guard let data else {
            throw APIError(.serviceUnavailable, .notLoaded, "no snapshot is loaded: \(problem)",
                           help: "import a snapshot into the store ('arlens import … --into STORE'); the server picks it up")
                .with(header: .retryAfter, "2")
        }
        return data
    }

    /// Replaces the view; the old one stays alive for the requests that hold it.
    func install(_ data: LoadedData) {
        state.withLock { $0.data = data }
    }

    /// Records why loading failed; a view already loaded keeps being served.
    func recordProblem(_ problem: String) {
        state.withLock { $0.problem = problem }
    }
}
