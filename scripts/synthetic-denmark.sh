#!/usr/bin/env bash
# A synthetic Denmark: fills a PostgreSQL (or H2) database with fictitious data at a chosen scale and writes the
# load harness's feeder files. See docs/scale.md, "A synthetic Denmark". Needs a JDK 21+ and Maven Central.
#
#   scripts/synthetic-denmark.sh --scale national --url jdbc:postgresql://127.0.0.1:5432/helhed_synthetic_national
#
# Options: --scale tiny|municipality|national, --factor F, --url, --user, --password, --replace, --feeders DIR,
# --seed N, --no-progress. The database must exist (createdb) and be empty unless --replace is given.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/synthetic-denmark
# Compile the application and the generator (test sources), and write their classpath once.
./mvnw -q ${MAVEN_OFFLINE:+-o} test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/synthetic-denmark/classpath.txt
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/synthetic-denmark/classpath.txt)" \
  dk.helhed.scale.SyntheticDenmark "$@"
