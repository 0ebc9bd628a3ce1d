import ARRepl
import Foundation
import Testing

/// Runs the real interactive REPL (libedit, signals, history) over the fake backend, so that
/// Tests/pty/repl_pty_test.py can drive the line editor through a pseudo-terminal before the
/// `arlens` executable is wired:
///
///     ARLENS_REPL_HARNESS=1 .build/debug/ARLensPackageTests.xctest --testing-library swift-testing \
///         --filter TerminalHarness
///
/// Skipped in ordinary test runs.
@Test(.enabled(if: ProcessInfo.processInfo.environment["ARLENS_REPL_HARNESS"] == "1"))
func terminalHarness() {
    let status = ReplMain.run(backend: FakeBackend(), interactive: ReplMain.standardInputIsTerminal)
    print("[harness exit \(status)]")
}
