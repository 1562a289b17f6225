#!/usr/bin/python3
"""A real SMTP server for the tests: aiosmtpd (Debian's python3-aiosmtpd) on a loopback port.

Each message it accepts is written to OUT as a .eml file (renamed into place when complete, so a reader never sees
half a message); each AUTH attempt adds a line to OUT/auth.log saying whether it was accepted and whether the
connection was encrypted at that moment. Prints "ready" once it answers; stops when its standard input closes.
"""
import argparse
import os
import ssl
import sys
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--out", required=True)
parser.add_argument("--cert", help="PEM certificate: the server offers STARTTLS")
parser.add_argument("--key", help="PEM private key of --cert")
parser.add_argument("--require-starttls", action="store_true", help="refuse mail before STARTTLS")
parser.add_argument("--user", help="AUTH is required, with this user name and --password")
parser.add_argument("--password")
parser.add_argument("--auth-in-clear", action="store_true", help="offer AUTH before encryption too")
args = parser.parse_args()


class Mailbox:
    async def handle_DATA(self, server, session, envelope):
        path = os.path.join(args.out, uuid.uuid4().hex + ".eml")
        with open(path + ".part", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".part", path)
        return "250 Message accepted for delivery"


def authenticate(server, session, envelope, mechanism, auth_data):
    accepted = (isinstance(auth_data, LoginPassword)
                and auth_data.login.decode() == args.user
                and auth_data.password.decode() == args.password)
    with open(os.path.join(args.out, "auth.log"), "a") as log:
        log.write(f"{mechanism} {'accepted' if accepted else 'refused'} encrypted={session.ssl is not None}\n")
    return AuthResult(success=accepted, handled=False)


tls = None
if args.cert:
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(args.cert, args.key)

options = dict(hostname="127.0.0.1", port=args.port, tls_context=tls, require_starttls=args.require_starttls,
               auth_require_tls=not args.auth_in_clear)
if args.user:
    options.update(authenticator=authenticate, auth_required=True)

controller = Controller(Mailbox(), **options)
controller.start()
print("ready", flush=True)
try:
    sys.stdin.read()
finally:
    controller.stop()
