/**
 * `npm run addin:serve`: serves addin/dist over HTTPS on https://localhost:3000 for
 * sideloading. Node cannot make an X.509 certificate, so the first run asks `openssl` for a
 * self-signed one in .data/certs (trust it once, see addin/README.md).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAddin, DIST } from './build.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const certDir = path.join(root, '.data', 'certs');
const keyFile = path.join(certDir, 'localhost-key.pem');
const certFile = path.join(certDir, 'localhost.pem');
const port = Number(process.env.ADDIN_PORT ?? 3000);

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

async function ensureCertificate(): Promise<void> {
  if (existsSync(keyFile) && existsSync(certFile)) return;
  await mkdir(certDir, { recursive: true });
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '825', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyFile, '-out', certFile],
      { stdio: 'pipe' },
    );
    console.log(`Made a self-signed development certificate: ${path.relative(root, certFile)}`);
    console.log('Trust it once so Excel loads the pane (see addin/README.md, "Trusting the certificate").');
  } catch (e) {
    console.error('Could not make a development certificate: `openssl` is missing or failed.');
    console.error('Install it (Debian/Ubuntu: apt-get install openssl; macOS has it; Windows: Git for Windows ships it),');
    console.error(`or put your own key and certificate at ${keyFile} and ${certFile}.`);
    console.error(String(e));
    process.exit(1);
  }
}

await ensureCertificate();
if (!existsSync(path.join(DIST, 'taskpane.html'))) await buildAddin();
const server = createServer({ key: await readFile(keyFile), cert: await readFile(certFile) }, (req, res) => {
  const url = new URL(req.url ?? '/', 'https://localhost');
  const rel = decodeURIComponent(url.pathname === '/' ? '/taskpane.html' : url.pathname);
  const file = path.resolve(DIST, `.${rel}`);
  if (!file.startsWith(DIST + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  readFile(file).then(
    (data) => {
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    },
    () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
  );
});
server.listen(port, 'localhost', () => {
  console.log(`Waymark add-in on https://localhost:${port}/taskpane.html (Ctrl+C to stop)`);
});
