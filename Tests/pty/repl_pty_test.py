#!/usr/bin/env python3
"""Drives the ARLens REPL through a pseudo-terminal, as a person at a keyboard would.

    python3 Tests/pty/repl_pty_test.py .build/debug/arlens repl --data out/store

Checks, in one session: a query; Tab completion of a metric and of a dimension; a typo that
gives a caret diagnostic while the session goes on; Ctrl-C on an empty prompt, on a line being
typed and on a statement continued over lines; recall with the Up arrow; Ctrl-R reverse search;
Ctrl-Z and back; optionally value completion and Ctrl-C during a running query (--slow,
--stuck); the history file; Ctrl-D to leave.

Everything after the binary is passed to it (default: `repl`). The ARQL words used can be
changed with the options below. Before the `arlens` executable exists, the same script drives
the line editor through the test bundle's harness over a fake backend:

    ARLENS_REPL_HARNESS=1 python3 Tests/pty/repl_pty_test.py --slow 'slow;' --stuck 'stuck;' \\
        --value-line 'ar where country = "Cô' --value-completion "te d'Ivoire\"" \\
        .build/debug/ARLensPackageTests.xctest --testing-library swift-testing --filter terminalHarness

Exits 0 when every check passed, 1 otherwise (with the tail of the transcript).
"""
import argparse
import os
import re
import signal
import sys
import tempfile
import termios
import time

import pexpect

PROMPT = "arlens> "
CONTINUATION = "   ...> "
UP = "\x1b[A"
def cpu_seconds(pid):
    """User plus system CPU time of a process, from /proc (Linux)."""
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


CTRL_C, CTRL_D, CTRL_R, CTRL_Z = "\x03", "\x04", "\x12", "\x1a"


class Session:
    def __init__(self, command, args, history):
        env = dict(os.environ, ARLENS_HISTORY=history, TERM="xterm", LANG="C.UTF-8")
        self.transcript = []
        self.child = pexpect.spawn(command, args, env=env, encoding="utf-8", timeout=15, dimensions=(40, 160))
        self.child.logfile_read = self

    # pexpect's logfile protocol: keep what the terminal showed, for failure reports.
    def write(self, text):
        self.transcript.append(text)

    def flush(self):
        pass

    def expect(self, text):
        self.child.expect_exact(text)
        return self.child.before

    def send(self, keys, pause=0.3):
        self.child.send(keys)
        time.sleep(pause)

    def run(self, line):
        """Types a line and returns what was shown until the next prompt."""
        self.send(line + "\r", pause=0)
        return self.expect(PROMPT)


PASSED = []


def check(name, condition, detail=""):
    if not condition:
        raise AssertionError(f"{name}: {detail}")
    PASSED.append(name)
    print(f"ok - {name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--query", default="ar, overdue by entity;", help="a statement that succeeds")
    parser.add_argument("--query-shows", default="entity", help="text its result shows")
    parser.add_argument("--metric", default="bpdso", help="a metric completed from --metric-prefix")
    parser.add_argument("--metric-prefix", default="bpd")
    parser.add_argument("--dimension", default="customer_group", help="a dimension completed from --dimension-prefix")
    parser.add_argument("--dimension-prefix", default="customer_g")
    parser.add_argument("--typo", default="ar by entiy;", help="a statement with a misspelt name")
    parser.add_argument("--typo-help", default="entity", help="what the diagnostic suggests")
    parser.add_argument("--value-line", help="a line ending inside a quoted dimension value, e.g. 'ar where customer = \"Ac'")
    parser.add_argument("--value-completion", help="what Tab adds to --value-line")
    parser.add_argument("--slow", help="a statement that runs long enough to be cancelled with Ctrl-C")
    parser.add_argument("--stuck", help="a statement that ignores Ctrl-C: three presses must end the REPL")
    parser.add_argument("binary")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    options = parser.parse_args()

    history = os.path.join(tempfile.mkdtemp(prefix="arlens-pty-"), "history")
    session = Session(options.binary, options.args or ["repl"], history)
    try:
        session.expect(PROMPT)
        check("prompt", True)

        shown = session.run(options.query)
        check("query", options.query_shows in shown and "error" not in shown, repr(shown))

        session.send(options.metric_prefix + "\t")
        session.expect(options.metric[len(options.metric_prefix):])
        session.send(" by " + options.dimension_prefix + "\t")
        session.expect(options.dimension[len(options.dimension_prefix):])
        shown = session.run(";")
        check("Tab completes a metric and a dimension",
              options.dimension in shown and "error" not in shown, repr(shown))

        shown = session.run(options.typo)
        lines = shown.splitlines()
        check("typo gives a caret diagnostic", any(re.fullmatch(r"[\s|]*\^+[^^]*", l) for l in lines)
              and options.typo_help in shown, repr(shown))
        shown = session.run(options.query)
        check("session goes on after the error", options.query_shows in shown and "error" not in shown, repr(shown))

        session.send(CTRL_C)
        session.expect("^C")
        session.expect(PROMPT)
        check("Ctrl-C on an empty prompt", True)

        session.send("ar, overdue by cust")
        session.send(CTRL_C)
        session.expect("^C")
        session.expect(PROMPT)
        shown = session.run(options.query)
        check("Ctrl-C drops the line being typed", options.query_shows in shown and "error" not in shown, repr(shown))

        session.send("ar by\r")
        session.expect(CONTINUATION)
        session.send(CTRL_C)
        session.expect(PROMPT)
        shown = session.run(options.query)
        check("Ctrl-C drops a statement continued over lines",
              options.query_shows in shown and "error" not in shown, repr(shown))

        # History, newest first: query, query, typo, completed statement, query.
        session.send(UP)
        session.send(UP)
        session.send(UP)
        session.expect(options.metric)
        shown = session.run("")
        check("Up arrow recalls an earlier statement", options.dimension in shown and "error" not in shown, repr(shown))

        session.send(CTRL_R)
        session.send(options.metric_prefix)
        session.expect(options.metric)
        shown = session.run("")
        check("Ctrl-R finds a statement by a word in it",
              options.dimension in shown and "error" not in shown, repr(shown))

        # Ctrl-Z stops the REPL; the shell puts the terminal back in cooked mode; `fg` sends SIGCONT.
        session.send("ar, overdue by ent")
        session.send(CTRL_Z)
        attributes = termios.tcgetattr(session.child.child_fd)
        attributes[3] |= termios.ICANON | termios.ECHO
        termios.tcsetattr(session.child.child_fd, termios.TCSANOW, attributes)
        session.child.kill(signal.SIGCONT)
        session.expect(PROMPT)   # the line is drawn again
        raw_again = not termios.tcgetattr(session.child.child_fd)[3] & termios.ICANON
        shown = session.run("ity;")
        check("back from Ctrl-Z with the line kept and the terminal raw again",
              raw_again and options.query_shows in shown and "error" not in shown, repr(shown))

        if options.value_line:
            session.send(options.value_line + "\t")
            session.expect(options.value_completion)
            session.send(CTRL_C)
            session.expect(PROMPT)
            check("Tab completes a dimension value", True)

        if options.slow:
            session.send(options.slow + "\r", pause=1.0)
            session.send(CTRL_C, pause=0)
            shown = session.expect(PROMPT)
            check("Ctrl-C cancels a running query", "cancelled" in shown, repr(shown))
            # The engine polls the same flag: the process stops using CPU soon after the cancel
            # (50 ms in a release build; the debug build's blocks are slower, hence the slack).
            before = cpu_seconds(session.child.pid)
            time.sleep(0.5)
            used = cpu_seconds(session.child.pid) - before
            check("the cancelled query stops using CPU", used < 0.1, f"{used:.3f} s of CPU in the 0.5 s after the prompt came back")
            shown = session.run(options.query)
            check("session goes on after the cancel", options.query_shows in shown, repr(shown))

        session.send(CTRL_D, pause=0)
        session.child.expect(pexpect.EOF)
        session.child.close()
        check("Ctrl-D leaves with status 0", session.child.exitstatus == 0, f"status {session.child.exitstatus}")

        if options.stuck:
            stuck = Session(options.binary, options.args or ["repl"], history)
            stuck.expect(PROMPT)
            stuck.send(options.stuck + "\r", pause=1.0)
            for _ in range(3):
                stuck.send(CTRL_C, pause=0.3)
            stuck.child.expect(pexpect.EOF)
            stuck.child.close()
            check("a third Ctrl-C ends a query that ignores the first two",
                  stuck.child.exitstatus == 130, f"status {stuck.child.exitstatus}")

        with open(history, encoding="utf-8", errors="replace") as file:
            # libedit writes entries strvis-encoded: a space is \040.
            saved = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), file.read())
        check("history is saved to $ARLENS_HISTORY", options.metric in saved and options.typo.rstrip(";") in saved,
              repr(saved[-300:]))
    except (AssertionError, pexpect.ExceptionPexpect) as error:
        print(f"not ok - {error}")
        print("---- last of the transcript ----")
        print("".join(session.transcript)[-3000:])
        session.child.close(force=True)
        print(f"repl: {len(PASSED)} passed, 1 failed")
        return 1
    print("all checks passed")
    print(f"repl: {len(PASSED)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
