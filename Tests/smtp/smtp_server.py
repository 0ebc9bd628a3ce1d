#!/usr/bin/env python3
"""A real SMTP server on loopback for ARLens' delivery tests (aiosmtpd).

    smtp_server.py --dir MAILDIR [--refuse N] [--kill-on-quit PIDFILE] [--tls CERT KEY] [--auth USER:PASS]

Binds a free port on 127.0.0.1 and prints "PORT <n>" on its first line; each accepted message is
written whole to MAILDIR/<n>.eml, its envelope to MAILDIR/<n>.json. --refuse answers the first N
RCPT commands with 451 (try again later). --kill-on-quit sends SIGKILL to the pid in PIDFILE when
a client that delivered a message says QUIT, before answering it: the client dies after the
message was accepted and before it learns so. --tls offers STARTTLS (and requires it); --auth
requires AUTH with that user and password. Stops when its standard input closes.
"""
import argparse
import asyncio
import json
import os
import signal
import ssl
import sys
from pathlib import Path

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, folder, refuse):
        self.folder = Path(folder)
        self.refuse = refuse
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        (self.folder / f"{self.count}.eml").write_bytes(envelope.original_content)
        (self.folder / f"{self.count}.json").write_text(json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos}))
        session.delivered = True
        return "250 Message accepted"


class KillingSMTP(SMTP):
    pidfile = None

    async def smtp_QUIT(self, arg):
        if self.pidfile and getattr(self.session, "delivered", False) and os.path.exists(self.pidfile):
            pid = int(Path(self.pidfile).read_text().strip())
            os.kill(pid, signal.SIGKILL)
            await asyncio.sleep(0.2)
        return await super().smtp_QUIT(arg)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--refuse", type=int, default=0)
    parser.add_argument("--kill-on-quit")
    parser.add_argument("--tls", nargs=2)
    parser.add_argument("--auth")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    handler = Handler(args.dir, args.refuse)
    KillingSMTP.pidfile = args.kill_on_quit
    options = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*args.tls)
        options.update(tls_context=context, require_starttls=True)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(args.tls))

    async def serve():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: KillingSMTP(handler, **options), "127.0.0.1", 0)
        print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
        await loop.run_in_executor(None, sys.stdin.read)
        server.close()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
