// Run inside the seats' network namespace (`ip netns exec`): takes a seat's requests on a Unix
// socket (a file, so the test outside the namespace can reach it) and sends each on to the main
// PC over HTTPS from inside the namespace, across the veth pair, checking the main PC's key as a
// pinned seat does. Prints READY once listening.
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type tls from 'node:tls';

const [socketPath, target, pin] = process.argv.slice(2) as [string, string, string];
const main = new URL(target);
const pinned = new WeakSet<tls.TLSSocket>();
const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false, maxCachedSessions: 0 });

http
  .createServer((req, res) => {
    const out = https.request(
      { host: main.hostname, port: main.port, method: req.method, path: req.url, agent, headers: { ...req.headers, host: main.host } },
      (answer) => {
        const socket = answer.socket as tls.TLSSocket;
        if (!pinned.has(socket)) {
          const x = socket.getPeerX509Certificate();
          const seen =
            x &&
            crypto
              .createHash('sha256')
              .update(x.publicKey.export({ type: 'spki', format: 'der' }))
              .digest('base64');
          if (seen !== pin) {
            res.writeHead(502).end('not the pinned main PC');
            return answer.destroy();
          }
          pinned.add(socket);
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', (e) => res.writeHead(502).end(String(e)));
    req.pipe(out);
  })
  .listen(socketPath, () => console.log('READY'));
