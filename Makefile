# Fristed - the two set-up commands are `make run` and `make test`; `make help` lists the rest.
MVN  := ./mvnw -B -ntp
ROLE ?= clinician
FUZZ_SECONDS ?= 120
RUNNER_CP := local/target/classes:local/target/lib/*
# DynamoDB Local reports usage by default; nothing of ours leaves this machine
export DDB_LOCAL_TELEMETRY := 0

.DEFAULT_GOAL := help
.PHONY: help run invoke test format fuzz chaos build validate token bench cost deploy user users disable-user restore branch-key rotate-branch-key branch-keys localstack clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-18s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: ## Serve the whole API at http://localhost:3000/prod on DynamoDB Local (data kept in .fristed/local)
	@echo "building the functions and the local runner ..."
	@$(MVN) -q package -DskipTests -pl local -am
	@java -cp "$(RUNNER_CP)" dk.fristed.local.LocalApi

invoke: ## Run a scheduled function now, on the running make run: make invoke FN=ReferralFollowUpFunction
	@test -n "$(FN)" || { echo "usage: make invoke FN=<function's logical id in template.yaml>  (make run must be running)"; exit 2; }
	@curl -sS --fail-with-body -X POST -H "Authorization: Bearer $$($(MAKE) -s token ROLE=admin)" \
	  "http://localhost:$${PORT:-3000}/_local/invoke/$(FN)" && echo || { echo "make invoke: is make run running on port $${PORT:-3000}?"; exit 1; }

test: ## Run every test: domain, DynamoDB Local, the runner over HTTP, template.yaml checks, a short fuzz of each function
	@mkdir -p target && touch target/test-run.started
	@# two modules at a time: their tests wait on DynamoDB Local as much as on the CPU (with C1-only test JVMs, pom.xml's test.jvm.flags: about 3.5 min on 2 cores).
	@# Then the guard: every test class must have reported in this run, whatever Maven's exit code said.
	@$(MVN) -T 2 verify; status=$$?; \
	  java devkit/src/main/java/dk/fristed/devkit/TestReports.java . target/test-run.started || status=1; \
	  exit $$status

format: ## Format every Java file as make test checks it (Spotless, palantir-java-format)
	@$(MVN) -q spotless:apply
	@echo "make format: every Java file is formatted"

fuzz: ## Fuzz each function longer than make test does (FUZZ_SECONDS=120 each); what it finds becomes a regression input
	@# only the pom's fuzz execution (surefire:test@fuzz): the other tests are make test's
	@# the full JIT for long fuzzing runs (make test's test JVMs use C1 only: pom.xml's test.jvm.flags)
	@$(MVN) -T 2 -fae test-compile surefire:test@fuzz -Dfuzz.seconds=$(FUZZ_SECONDS) -Dtest.jvm.flags=; status=$$?; \
	  devkit/fuzz-findings.sh; exit $$status

chaos: ## A clinic day with 20 % of DynamoDB calls faulted, several seeds, compared with a day without faults (CHAOS_SEEDS, CHAOS_PATIENTS, CHAOS_SHARE)
	@$(MVN) -q package -DskipTests -pl local -am
	@bash -o pipefail -c 'java -cp "$(RUNNER_CP)" dk.fristed.local.Chaos 2>&1 | grep --line-buffered -vE "^SLF4J|^(Initializing|Port|InMemory|Version|DbPath|SharedDb|shouldDelay|CorsParams)|^\{\"time\""'

build: ## Build the deployable Lambda jars (functions/*/target/*-lambda.jar)
	@$(MVN) -q package -DskipTests
	@ls -lh functions/*/target/*-lambda.jar | grep -v /original- | awk '{print "built " $$9 " (" $$5 ")"}'

validate: ## Check template.yaml: SAM schema, security properties, cfn-lint (skipped if not installed)
	@$(MVN) -q install -DskipTests -pl devkit -am
	@$(MVN) -q surefire:test -pl devkit -Dtest='Template*Test'
	@echo "make validate: template.yaml matches the SAM schema, keeps its security properties and passes cfn-lint (where installed)"

token: ## Print a bearer token for the local API: make token ROLE=clinician|coordinator|finance|admin
	@test -d local/target/lib || $(MVN) -q package -DskipTests -pl local -am >&2
	@java -cp "$(RUNNER_CP)" dk.fristed.local.TokenCommand $(ROLE)

bench: ## Cold start of every function vs three baselines (BENCH_RUNS=7), and the yearly report with 1, 10, 100 years stored; not part of make test
	@echo "building the Lambda jars and the baselines ..."
	@$(MVN) -q package -DskipTests
	@# pipefail: the bench's exit status, not grep's, is make's answer
	@bash -o pipefail -c 'java -cp "bench/target/classes:bench/target/lib/*" dk.fristed.bench.ColdStartBench 2>&1 | grep --line-buffered -vE "^SLF4J|^(Initializing|Port|InMemory|Version|DbPath|SharedDb|shouldDelay|CorsParams)"'
	@# the yearly report with 1, 10 and 100 years of history in the tables (BENCH_REPORT_YEARS)
	@bash -o pipefail -c 'java -cp "bench/target/classes:bench/target/lib/*" dk.fristed.bench.ReportHistoryBench 2>&1 | grep --line-buffered -vE "^SLF4J|^(Initializing|Port|InMemory|Version|DbPath|SharedDb|shouldDelay|CorsParams)|^\{\"time\""'

examples: ## Write an example of each request and answer into openapi.json, kept from the tests' own exchanges (existing ones stay)
	@rm -rf target/examples
	@FRISTED_RECORD_EXAMPLES=$(CURDIR)/target/examples $(MVN) -q -T 2 verify -Dspotbugs.skip=true -Dmaven.test.failure.ignore=true > target/examples.log 2>&1 || { tail -20 target/examples.log; exit 1; }
	@java -cp "local/target/lib/*" dk.fristed.devkit.OpenApiExamples target/examples

screenshots: ## The web app's screens at a phone's size, taken by WebAppIT in headless Chromium, into docs/screenshots (README shows them)
	@$(MVN) -q install -DskipTests -Dspotbugs.skip=true -pl local -am
	@FRISTED_SCREENSHOTS=$(CURDIR)/docs/screenshots $(MVN) -q test -Dspotbugs.skip=true -pl local -Dtest=WebAppIT
	@ls docs/screenshots

cost: ## Monthly AWS bill for the Danish volume and 100x, from the counted DynamoDB calls (docs/cost.md)
	@$(MVN) -q package -DskipTests -pl bench -am
	@java -cp "bench/target/classes:bench/target/lib/*" dk.fristed.bench.MonthlyCost

deploy: ## Deploy ENV=test|prod (samconfig.toml) after make validate and make test pass: sam build + sam deploy
	@test -n "$(ENV)" || { echo "usage: make deploy ENV=test|prod   (the environments of samconfig.toml)"; exit 2; }
	@grep -q '^\[$(ENV)\.deploy\.parameters\]' samconfig.toml || { echo "make deploy: no environment $(ENV) in samconfig.toml"; exit 2; }
	@! grep -q 'fill-in' samconfig.toml || ! sed -n '/^\[$(ENV)\./,/^\[/p' samconfig.toml | grep -q 'fill-in' \
	  || { echo "make deploy: fill in AdminRoleArn for $(ENV) in samconfig.toml first"; exit 2; }
	@$(MAKE) -s validate
	@$(MAKE) -s test
	@$(MAKE) -s build
	sam build
	sam deploy --config-env $(ENV)

restore: ## Restore a table into a new one and check it: make restore STACK=... TABLE=PatientsTable [AT=...]; PUT_BACK=<restored> puts back what was lost; LOCAL=1 on make run
	@bash devkit/restore.sh

user: ## Invite a volunteer to a deployed stack: make user STACK=... EMAIL=... ROLE=clinician|coordinator|finance|admin
	@bash devkit/users.sh create

users: ## List a deployed stack's users with their status and groups: make users STACK=...
	@bash devkit/users.sh list

disable-user: ## Disable a user and sign them out everywhere (the audit trail keeps their name): make disable-user STACK=... EMAIL=...
	@bash devkit/users.sh disable

branch-key: ## Once per stack, after the first deploy: create the key that encrypts personal fields (STACK=name)
	@$(MAKE) -s branch-keys STACK="$(STACK)" ARGS=create

rotate-branch-key: ## New version of that key for new records; old ones keep theirs (STACK=name BRANCH_KEY_ID=id)
	@test -n "$(BRANCH_KEY_ID)" || { echo "usage: make rotate-branch-key STACK=<stack name> BRANCH_KEY_ID=<id>"; exit 2; }
	@$(MAKE) -s branch-keys STACK="$(STACK)" ARGS="rotate $(BRANCH_KEY_ID)"

# both run as the AdminRoleArn role, with the AWS CLI's credentials and the stack's outputs
branch-keys:
	@test -n "$(STACK)" || { echo "usage: make branch-key STACK=<stack name>  (as the AdminRoleArn role; needs the AWS CLI)"; exit 2; }
	@test -d local/target/lib || $(MVN) -q package -DskipTests -pl local -am >&2
	@eval "$$(aws configure export-credentials --format env)" && \
	  export AWS_REGION="$${AWS_REGION:-$$(aws configure get region)}" && \
	  output() { aws cloudformation describe-stacks --stack-name "$(STACK)" --output text \
	    --query "Stacks[0].Outputs[?OutputKey=='$$1'].OutputValue"; } && \
	  KEY_STORE_TABLE="$$(output KeyStoreTableName)" FIELD_KEY_ARN="$$(output FieldKeyArn)" \
	  java -cp "$(RUNNER_CP)" dk.fristed.devkit.BranchKeys $(ARGS)

localstack: ## Deploy the stack to LocalStack with samlocal and smoke-test it (needs Docker; skipped with a message otherwise)
	@RUNNER_CP="$(RUNNER_CP)" devkit/localstack.sh

clean: ## Remove build output (keeps the local data in .fristed/local)
	@$(MVN) -q clean
	@rm -rf .aws-sam
