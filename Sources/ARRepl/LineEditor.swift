@preconcurrency import CEditLine
import Foundation
import Synchronization

/// The terminal front over libedit's readline emulation: prompts, emacs key bindings,
/// persistent history with Up/Down and Ctrl-R search, Tab completion through a `Completer`,
/// and Ctrl-C that clears the line instead of ending the process.
final class LineEditor {
    /// What one call to `read` got.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the end of the input.
        case endOfInput
    }

    private let historyPath: String?
    private var lastHistoryEntry: String?

    /// Sets libedit up and loads the history from `historyPath`.
    init(historyPath: String?) {
        self.historyPath = historyPath
        LineEditor.selectUTF8Locale()
        // Read by rl_initialize: our own getc (Ctrl-C, UTF-8), and no libedit signal handling
        // (it would re-raise SIGINT to the whole process group).
        rl_getc_function = readTerminalCharacter
        rl_catch_signals = 0
        rl_readline_name = UnsafePointer(strdup("arlens"))
        rl_attempted_completion_function = attemptCompletion
        rl_completion_append_character = Int32(UInt8(ascii: " "))
        initializeEditor()
    }

    /// Creates libedit's editor and history, and loads the history file.
    ///
    /// Done again after a line of 1,000 bytes or more: libedit keeps `rl_line_buffer` in a
    /// conversion buffer of 1,024 bytes that moves when it grows, without updating the pointer;
    /// a new editor points it at the new buffer.
    private func initializeEditor() {
        rl_initialize()
        // libedit rings the bell after every completion it inserts, even a unique one; make the
        // bell a no-op escape sequence (an SGR reset) rather than beep at each Tab.
        _ = rl_parse_and_bind("settc bl \u{1B}[0m")
        stifle_history(1000)
        if let historyPath { _ = read_history(historyPath) }
        editorBridge.withLock { $0.lineBufferMayHaveMoved = false }
    }

    /// `$ARLENS_HISTORY`, else `~/.arlens_history`.
    static func defaultHistoryPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["ARLENS_HISTORY"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.arlens_history"
    }

    /// What Tab completes with from now on.
    func setCompleter(_ completer: Completer) {
        editorBridge.withLock { $0.completer = completer }
    }

    /// Shows `prompt` and reads one line.
    func read(prompt: String) -> Input {
        interruptFlag.reset()
        pendingInterrupts.store(0, ordering: .relaxed)
        editorBridge.withLock {
            $0.interrupted = false
            $0.queued = []
        }
        if TerminalSignals.drain().contains(TerminalSignals.resizeByte) { rl_resize_terminal() }
        guard let raw = readline(prompt) else {
            FileHandle.standardOutput.write(Data("\n".utf8))   // libedit leaves the cursor after the prompt
            return .endOfInput
        }
        defer { free(raw) }
        let line = String(cString: raw)
        let interrupted = editorBridge.withLock { state in
            if line.utf8.count >= 1000 { state.lineBufferMayHaveMoved = true }
            return state.interrupted
        }
        if editorBridge.withLock({ $0.lineBufferMayHaveMoved }) { initializeEditor() }
        return interrupted ? .interrupted : .line(line)
    }

    /// Adds `entry` to the history (unless it repeats the last one) and saves the history file.
    func addHistory(_ entry: String) {
        guard !entry.isEmpty, entry != lastHistoryEntry else { return }
        lastHistoryEntry = entry
        add_history(entry)
        if let historyPath { _ = write_history(historyPath) }
    }

    /// libedit shows non-ASCII text only under a UTF-8 `LC_CTYPE`; Swift programs start in "C".
    private static func selectUTF8Locale() {
        if let chosen = setlocale(LC_CTYPE, ""), String(cString: chosen).uppercased().contains("UTF") { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}

// MARK: - What libedit's C callbacks reach

/// State shared with libedit's C callbacks, which take no context pointer and so can only
/// reach globals. libedit calls them synchronously from inside `readline`, on the one thread
/// that runs the REPL, so the lock is never contended; the `Mutex` is what lets Swift 6 prove
/// the global safe without `nonisolated(unsafe)`.
struct EditorBridgeState {
    /// A key that `readTerminalCharacter` hands libedit before reading the terminal again.
    enum QueuedKey { case interruptNewline }

    var completer = Completer(words: CompletionWords())
    /// The candidates of the completion under way, for `generateCandidate`.
    var candidates: [String] = []
    var queued: [QueuedKey] = []
    /// Ctrl-C was pressed while this line was edited.
    var interrupted = false
    /// A line long enough to grow libedit's conversion buffer was seen: `rl_line_buffer` may
    /// point to freed memory until the editor is initialised again.
    var lineBufferMayHaveMoved = false
}

let editorBridge = Mutex(EditorBridgeState())

/// libedit's `rl_attempted_completion_function`: asks the `Completer`, then hands libedit the
/// candidates for the word it replaces (which its own word-break rules chose).
private let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
    rl_attempted_completion_over = 1   // never fall back to file names
    // Here rl_point and rl_end count characters (libedit's completion sets them from its wide
    // line), while rl_line_buffer holds UTF-8 in a 1,024-byte buffer (see `initializeEditor`):
    // 250 characters take at most 1,000 bytes, so the buffer has not moved for this line.
    let candidates: [String] = editorBridge.withLock { state in
        if rl_end >= 250 { state.lineBufferMayHaveMoved = true }
        guard let text, let buffer = rl_line_buffer, !state.lineBufferMayHaveMoved else { return [] }
        let line = String(cString: buffer)
        let cursor = line.unicodeScalars.prefix(Int(rl_point)).reduce(0) { $0 + UTF8.width($1) }
        state.candidates = state.completer.candidates(line, cursor: cursor, replacingFrom: cursor - strlen(text))
        return state.candidates
    }
    return candidates.isEmpty ? nil : rl_completion_matches(text, generateCandidate)
}

/// The generator `rl_completion_matches` calls with 0, 1, 2, … until it returns nil.
private let generateCandidate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, index in
    editorBridge.withLock { state in
        Int(index) < state.candidates.count ? strdup(state.candidates[Int(index)]) : nil
    }
}

/// libedit's `rl_getc_function`: one character from the terminal, decoded from UTF-8.
///
/// Ctrl-C (a SIGINT reported through the signal pipe, or a 0x03 byte when the terminal does not
/// turn it into a signal) becomes Ctrl-E then Enter, so that libedit ends the line with the cursor at
/// its end; `read` then reports `.interrupted` and the line is dropped. "^C" is echoed as a shell does.
private let readTerminalCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
    if let key = editorBridge.withLock({ $0.queued.isEmpty ? nil : $0.queued.removeFirst() }) {
        switch key {
        case .interruptNewline:
            FileHandle.standardOutput.write(Data("^C".utf8))
            return Int32(UInt8(ascii: "\n"))
        }
    }
    guard let first = readByte() else { return beginInterrupt() }
    if first == 3 { return beginInterrupt() }
    guard first >= 0xC0, first != -1 else { return first }
    let extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : 1
    var scalar = first & (0x3F >> extra)
    for _ in 0..<extra {
        guard let next = readByte() else { return beginInterrupt() }
        guard next >= 0 else { return -1 }
        scalar = scalar << 6 | (next & 0x3F)
    }
    return scalar
}

/// Marks the line interrupted and returns Ctrl-E (end of line); Enter follows.
private func beginInterrupt() -> Int32 {
    interruptFlag.reset()
    pendingInterrupts.store(0, ordering: .relaxed)
    editorBridge.withLock {
        $0.interrupted = true
        $0.queued = [.interruptNewline]
    }
    return 5
}

/// One byte of standard input, -1 at its end, nil when Ctrl-C was pressed.
///
/// Waits on the terminal and on the signal pipe at once: the signal may be delivered to another
/// thread than this one, so an interrupted `read` cannot be relied on.
private func readByte() -> Int32? {
    while true {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signalPipe.read, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 2, -1) >= 0 else {
            if errno == EINTR { continue }
            return -1
        }
        if fds[1].revents != 0 {
            let signals = TerminalSignals.drain()
            if signals.contains(TerminalSignals.resizeByte) { rl_resize_terminal() }
            if signals.contains(TerminalSignals.continueByte) {
                // libedit still believes the terminal raw: leave its raw mode, then enter it again.
                rl_deprep_terminal()
                rl_prep_terminal(1)
                rl_forced_update_display()     // and draw the prompt and the line again
            }
            if signals.contains(TerminalSignals.interruptByte) { return nil }
        }
        guard fds[0].revents != 0 else { continue }
        var byte: UInt8 = 0
        let count = Foundation.read(STDIN_FILENO, &byte, 1)
        if count == 1 { return Int32(byte) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
        return -1
    }
}
