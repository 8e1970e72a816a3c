// Uploads one file with tus-js-client (the version pinned in package.json) from Node, as the seller's page does in a
// browser: in pieces, retrying with short delays after a broken connection. Used by VideoUploadResumeTests.
//
//   node tus-upload.js <endpoint> <file> <chunk-bytes>     (cookie of a signed-in seller in TUS_COOKIE)
//
// Prints one JSON line {"url": ..., "retries": n} and exits 0 when every byte has arrived; exits 1 otherwise.
'use strict';
const fs = require('fs');
const tus = require('tus-js-client');

const [endpoint, file, chunkBytes] = process.argv.slice(2);
const data = fs.readFileSync(file);
let retries = 0;

const upload = new tus.Upload(data, {
  endpoint,
  chunkSize: Number(chunkBytes),
  retryDelays: [0, 250, 500, 1000, 2000, 4000, 8000],
  headers: { Cookie: process.env.TUS_COOKIE || '' },
  metadata: { filename: 'field-walk.mp4', filetype: 'video/mp4', title: 'A walk round the field' },
  onShouldRetry(error, attempt) {
    const status = error.originalResponse ? error.originalResponse.getStatus() : 0;
    const retry = !(status >= 400 && status < 500) || status === 409 || status === 423;
    if (retry) {
      retries++;
    }
    console.error(`attempt ${attempt + 1} failed (${status || 'no response'}): ${error.message.split('\n')[0]}; ${retry ? 'retrying' : 'giving up'}`);
    return retry;
  },
  onError(error) {
    console.error(`upload failed: ${error}`);
    process.exit(1);
  },
  onSuccess() {
    console.log(JSON.stringify({ url: upload.url, retries }));
  },
});
upload.start();
