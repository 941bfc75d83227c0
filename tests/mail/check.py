# Finds the message in DIR whose decoded Subject is SUBJECT and checks it:
# envelope recipient and To, From, the body (decoded, line endings as
# LF), CRLF line endings throughout, and the headers every message
# carries.  Prints what differs and exits 1; exits 0 when all agree.
# usage: python3 check.py DIR TO SUBJECT BODY [FROM]
import email
import email.policy
import glob
import os
import sys

d, to, subject, body = sys.argv[1:5]
sender = sys.argv[5] if len(sys.argv) > 5 else 'selter@localhost'
found = []
for path in sorted(glob.glob(os.path.join(d, '*.eml'))):
    raw = open(path, 'rb').read()
    m = email.message_from_bytes(raw, policy=email.policy.default)
    if str(m['Subject']) == subject:
        found.append((path, raw, m))
if len(found) != 1:
    print('%d messages with subject %r in %s' % (len(found), subject, d))
    sys.exit(1)
path, raw, m = found[0]
bad = []
rcpt = open(path[:-4] + '.rcpt').read().split()
if rcpt != [to]:
    bad.append('envelope recipients %r, want [%r]' % (rcpt, to))
if str(m['To']) != to:
    bad.append('To %r, want %r' % (str(m['To']), to))
if str(m['From']) != sender:
    bad.append('From %r, want %r' % (str(m['From']), sender))
bare = raw.replace(b'\r\n', b'')
if b'\r' in bare or b'\n' in bare:
    bad.append('a line ends without CRLF')
for h in ('Date', 'Message-ID', 'MIME-Version', 'Content-Type'):
    if m[h] is None:
        bad.append('no %s header' % h)
if m.get_content_charset() != 'utf-8':
    bad.append('charset %r' % m.get_content_charset())
got = m.get_content().replace('\r\n', '\n')
if got != body:
    bad.append('body %r, want %r' % (got[:300], body[:300]))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
