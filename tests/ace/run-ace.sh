#!/usr/bin/env bash
# Run the DAISY Ace accessibility checker (@daisy/ace-cli, pinned in package.json)
# on one EPUB and print "ace: pass" or "ace: fail" plus one line per violation.
#
# Usage: tests/ace/run-ace.sh EPUB [REPORT_DIR]
#   REPORT_DIR receives report.json and report.html (default: a new temp dir).
# Exit status: 0 on pass, 1 on fail (violations), 2 on usage/setup/Ace errors.
# Needs: node + npm on PATH, Debian's chromium at /usr/bin/chromium.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
chromium=/usr/bin/chromium

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 EPUB [REPORT_DIR]" >&2
    exit 2
fi

epub="$1"
if [[ ! -f "$epub" ]]; then
    echo "run-ace: no such EPUB: $epub" >&2
    exit 2
fi
# Absolute paths, since we cd into $here below.
epub="$(cd "$(dirname "$epub")" && pwd)/$(basename "$epub")"

if [[ $# -ge 2 ]]; then
    report_dir="$2"
else
    report_dir="$(mktemp -d "${TMPDIR:-/tmp}/ace-report.XXXXXX")"
fi
mkdir -p "$report_dir"
report_dir="$(cd "$report_dir" && pwd)"

if [[ ! -x "$chromium" ]]; then
    echo "run-ace: $chromium is missing; install Debian's chromium" \
         "(apt-get install -y --no-install-recommends chromium, done by the project's setup script)" >&2
    exit 2
fi

cd "$here"

if [[ ! -x node_modules/.bin/ace-cli ]]; then
    echo "run-ace: installing @daisy/ace-cli into $here/node_modules" >&2
    PUPPETEER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund >&2
fi

# -E: exit non-zero when the outcome is fail; -s: silent; -f: overwrite the report.
# Ace's own exit status is not trusted alone: report.json decides pass/fail below.
rm -f "$report_dir/report.json"   # never read a stale report from an earlier run
set +e
PUPPETEER_EXECUTABLE_PATH="$chromium" node_modules/.bin/ace-cli -E -s -f -o "$report_dir" "$epub"
ace_status=$?
set -e

if [[ ! -f "$report_dir/report.json" ]]; then
    echo "run-ace: Ace produced no report (exit status $ace_status) for $epub" >&2
    exit 2
fi

node - "$report_dir/report.json" "$ace_status" <<'JS'
const fs = require('fs');
const [reportPath, aceStatus] = process.argv.slice(2);
const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
const outcome = report['earl:result'] && report['earl:result']['earl:outcome'];
const violations = [];
for (const a of report.assertions || []) {
  const file = (a['earl:testSubject'] && a['earl:testSubject'].url) || '?';
  for (const t of a.assertions || []) {
    if (t['earl:result'] && t['earl:result']['earl:outcome'] === 'fail') {
      const test = t['earl:test'] || {};
      const ptr = t['earl:result']['earl:pointer'];
      const where = ptr && ptr.css && ptr.css.length ? ` (${ptr.css[0]})` : '';
      violations.push(`  ${test['dct:title'] || '?'} [${test['earl:impact'] || '?'}] ${file}${where}`);
    }
  }
}
const pass = outcome === 'pass' && violations.length === 0 && aceStatus === '0';
console.log(pass ? 'ace: pass' : 'ace: fail');
for (const v of violations) console.log(v);
if (!pass && violations.length === 0) {
  console.log(`  (outcome ${outcome}, ace-cli exit status ${aceStatus})`);
}
console.error(`report: ${require('path').dirname(reportPath)}/report.html`);
process.exit(pass ? 0 : 1);
JS
