# An SMTP sink for tests/mail/run.sh: Debian's aiosmtpd on loopback keeps
# each message exactly as it came (raw bytes, CRLF) in DIR/NAME.eml, its
# envelope recipients in DIR/NAME.rcpt, and writes the port it listens on
# to PORTFILE.
# usage: python3 sink.py DIR PORTFILE [PORT]
import asyncio
import os
import sys

from aiosmtpd.smtp import SMTP

out, portfile = sys.argv[1], sys.argv[2]
port = int(sys.argv[3]) if len(sys.argv) > 3 else 0


class Keep:
    n = 0

    async def handle_DATA(self, server, session, envelope):
        Keep.n += 1
        name = os.path.join(out, '%d-%d' % (os.getpid(), Keep.n))
        with open(name + '.rcpt', 'w') as f:
            f.write('\n'.join(envelope.rcpt_tos) + '\n')
        with open(name + '.tmp', 'wb') as f:
            f.write(envelope.original_content)
        os.rename(name + '.tmp', name + '.eml')
        return '250 OK'


async def main():
    loop = asyncio.get_running_loop()
    srv = await loop.create_server(lambda: SMTP(Keep(), hostname='sink'),
                                   '127.0.0.1', port)
    with open(portfile + '.tmp', 'w') as f:
        f.write('%d\n' % srv.sockets[0].getsockname()[1])
    os.rename(portfile + '.tmp', portfile)
    await srv.serve_forever()


asyncio.run(main())
