#!/usr/bin/env python3
"""Parses an e-mail as a mail client would (Python's email package) and prints its structure as
JSON: headers, the content type of every part, and each file part's payload written to OUTDIR.

    read_message.py MESSAGE.eml OUTDIR
"""
import json
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path


def main():
    message = BytesParser(policy=policy.default).parsebytes(Path(sys.argv[1]).read_bytes())
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    parts = []
    for part in message.walk():
        entry = {"type": part.get_content_type(), "disposition": part.get_content_disposition(),
                 "filename": part.get_filename(), "content_id": part.get("Content-ID")}
        if part.get_filename():
            (out / part.get_filename()).write_bytes(part.get_payload(decode=True))
        elif part.get_content_maintype() == "text":
            entry["text"] = part.get_content()
        parts.append(entry)
    print(json.dumps({"subject": message["subject"], "from": message["from"], "to": message["to"],
                      "message_id": message["message-id"], "defects": [str(d) for d in message.defects],
                      "parts": parts}))


if __name__ == "__main__":
    main()
