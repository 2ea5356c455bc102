#!/usr/bin/env bash
# make localstack: deploys template.yaml to LocalStack with samlocal (or sam with an endpoint), the way
# an admin deploys to AWS (first deploy, branch key, deploy with BranchKeyId), then runs the smoke test
# (dk.fristed.devkit.StackSmoke) against the deployed functions. Needs Docker, samlocal or the SAM CLI,
# and the AWS CLI v2; without Docker it says so and exits 0.
#
# LOCALSTACK_ENDPOINT  a running LocalStack (default http://localhost:4566); started here if not running
# LOCALSTACK_IMAGE     the image to start (default localstack/localstack; it asks for LOCALSTACK_AUTH_TOKEN)
# STAGE                the stack's Stage (default localstack): stack fristed-<stage>, functions fristed-<stage>-*
set -euo pipefail
cd "$(dirname "$0")/.."

STAGE="${STAGE:-localstack}"
STACK="fristed-$STAGE"
ENDPOINT="${LOCALSTACK_ENDPOINT:-http://localhost:4566}"
IMAGE="${LOCALSTACK_IMAGE:-localstack/localstack}"
RUNNER_CP="${RUNNER_CP:-local/target/classes:local/target/lib/*}"
say() { echo "make localstack: $*"; }

if ! docker info >/dev/null 2>&1; then
  say "skipped - no Docker engine is running here (LocalStack needs one)"
  exit 0
fi
if command -v samlocal >/dev/null 2>&1; then SAM=samlocal
elif command -v sam >/dev/null 2>&1; then SAM=sam
else say "needs samlocal (pip install aws-sam-cli-local) or the AWS SAM CLI"; exit 2; fi
command -v aws >/dev/null 2>&1 || { say "needs the AWS CLI v2 (it reads the stack's outputs for make branch-key)"; exit 2; }

# LocalStack's fixed test account; sam (boto3), the AWS CLI and the Java tools all honour AWS_ENDPOINT_URL
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
export AWS_REGION="${AWS_REGION:-eu-north-1}"
export AWS_DEFAULT_REGION="$AWS_REGION"
export AWS_ENDPOINT_URL="$ENDPOINT"
unset AWS_PROFILE AWS_SESSION_TOKEN

if ! curl -sf "$ENDPOINT/_localstack/health" >/dev/null; then
  [ -n "${LOCALSTACK_AUTH_TOKEN:-}" ] || say "LOCALSTACK_AUTH_TOKEN is not set; current LocalStack images refuse to start without one"
  say "starting $IMAGE at $ENDPOINT ..."
  # the functions run in containers LocalStack starts (hence the socket), on this machine's architecture;
  # resources its edition lacks (Cognito, the HTTP API without Pro) are skipped, not fatal: the smoke test
  # invokes the functions through the Lambda API, as API Gateway would
  docker run -d --rm --name "fristed-$STAGE" -p "${ENDPOINT##*:}:4566" \
    -e LOCALSTACK_AUTH_TOKEN -e LAMBDA_IGNORE_ARCHITECTURE=1 -e CFN_IGNORE_UNSUPPORTED_RESOURCE_TYPES=1 \
    -e LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT=120 \
    -v /var/run/docker.sock:/var/run/docker.sock "$IMAGE" >/dev/null
  trap 'say "stopping LocalStack"; docker stop "fristed-$STAGE" >/dev/null' EXIT
  for _ in $(seq 90); do curl -sf "$ENDPOINT/_localstack/health" >/dev/null && break; sleep 2; done
  curl -sf "$ENDPOINT/_localstack/health" >/dev/null || { say "LocalStack did not come up; docker logs fristed-$STAGE"; exit 1; }
fi

say "building the Lambda jars and the smoke test ..."
./mvnw -B -ntp -q package -DskipTests -pl local -am

deploy() {
  say "deploying stack $STACK with $SAM (${*:-first deploy: keys and tables, no visits function yet}) ..."
  "$SAM" deploy --template-file template.yaml --stack-name "$STACK" --resolve-s3 \
    --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --no-confirm-changeset --no-fail-on-empty-changeset \
    --region "$AWS_REGION" \
    --parameter-overrides Stage="$STAGE" AdminRoleArn="arn:aws:iam::000000000000:role/fristed-$STAGE-admin" "$@"
}

# a stack deployed before keeps its branch key: a new one would leave its records unreadable
BRANCH_KEY_ID="$(aws cloudformation describe-stacks --stack-name "$STACK" --output text \
  --query "Stacks[0].Parameters[?ParameterKey=='BranchKeyId'].ParameterValue" 2>/dev/null || true)"
if [ -z "$BRANCH_KEY_ID" ] || [ "$BRANCH_KEY_ID" = "None" ]; then
  deploy
  say "creating the branch key (make branch-key) ..."
  BRANCH_KEY_ID="$(make -s branch-keys STACK="$STACK" ARGS=create)"
fi
deploy BranchKeyId="$BRANCH_KEY_ID"

say "smoke test of the deployed functions ..."
# the functions' runtime image, fetched now rather than inside the first invocation's time limit
docker pull -q public.ecr.aws/lambda/java:21 >/dev/null || say "could not pull public.ecr.aws/lambda/java:21; LocalStack will try"
java -cp "$RUNNER_CP" dk.fristed.devkit.StackSmoke "$STAGE"
say "stack $STACK deployed to LocalStack and answered the smoke test"
