import ARCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Set by SIGINT: cancels the running query.
///
/// A global because a signal handler takes no context; a `CancellationFlag` because its only
/// operation in the handler is one atomic store, which is async-signal-safe.
let interruptFlag = CancellationFlag()

/// Ctrl-C presses not yet handled; the third one while a query ignores its cancellation
/// token ends the process, so that a stuck engine never traps the user.
let pendingInterrupts = Atomic<Int>(0)

/// A pipe the signal handlers write one byte to (`C` for Ctrl-C, `W` for a resized window,
/// `T` for a return from Ctrl-Z),
/// so that the line editor, waiting in `poll` on the terminal and this pipe, wakes up whichever
/// thread the kernel delivered the signal to. Created before any handler is installed.
let signalPipe: (read: Int32, write: Int32) = {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return (-1, -1) }
    for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    return (fds[0], fds[1])
}()

/// The process's handling of Ctrl-C, terminal resizes and Ctrl-Z in interactive mode.
enum TerminalSignals {
    /// The byte SIGINT writes to `signalPipe`.
    static let interruptByte = UInt8(ascii: "C")
    /// The byte SIGWINCH writes to `signalPipe`.
    static let resizeByte = UInt8(ascii: "W")
    /// The byte SIGCONT writes to `signalPipe` (back from Ctrl-Z: the shell reset the terminal).
    static let continueByte = UInt8(ascii: "T")

    /// Installs the SIGINT, SIGWINCH and SIGCONT handlers (once is enough).
    static func install() {
        // Touch the globals first: their lazy initialisation is not safe inside a handler.
        _ = interruptFlag.isCancelled
        _ = signalPipe
        _ = pendingInterrupts.load(ordering: .relaxed)
        set(SIGINT) { _ in
            interruptFlag.cancel()
            notify(TerminalSignals.interruptByte)
            if pendingInterrupts.add(1, ordering: .relaxed).newValue >= 3 { giveUp() }
        }
        set(SIGWINCH) { _ in notify(TerminalSignals.resizeByte) }
        set(SIGCONT) { _ in notify(TerminalSignals.continueByte) }
    }

    /// Reads what the handlers wrote since the last call, without waiting.
    static func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(signalPipe.read, &byte, 1) == 1 { bytes.append(byte) }
        return bytes
    }

    private static func set(_ signal: Int32, handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler = .init(sa_handler: handler)
        #else
        action.__sigaction_u = .init(__sa_handler: handler)
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_RESTART)
        sigaction(signal, &action, nil)
    }
}

/// Writes `byte` to the signal pipe; `write` is async-signal-safe and errno is preserved.
private func notify(_ byte: UInt8) {
    let savedErrno = errno
    var byte = byte
    _ = write(signalPipe.write, &byte, 1)
    errno = savedErrno
}

/// Leaves at once (async-signal-safe: `write` and `_exit` only), with the shell's status for SIGINT.
private func giveUp() -> Never {
    let message: StaticString = "\narlens: interrupted three times, quitting\n"
    _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
    _exit(130)
}
