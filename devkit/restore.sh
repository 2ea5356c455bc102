#!/usr/bin/env bash
# make restore: a table restored into a new table and checked (items counted, a sample read back through
# the field encryption), then, with PUT_BACK, what the live table lost put back from it, never over an
# item it has. In AWS (STACK=...): a point-in-time restore under the tables' KMS key, for admins with the
# AWS CLI and the AdminRoleArn role. LOCAL=1: make run's tables on DynamoDB Local, copied (it has no
# point-in-time restore). The runbook is in docs/deploying.md.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: make restore STACK=<stack> TABLE=<logical id, e.g. PatientsTable> [AT=2026-12-01T02:00:00Z]"
  echo "       make restore STACK=<stack> TABLE=<logical id> PUT_BACK=<restored table>"
  echo "       make restore LOCAL=1 TABLE=<logical id> [PUT_BACK=<restored table>]   (make run must be running)"
  exit 2
}
[ -n "${TABLE:-}" ] || usage
grep -q "^  ${TABLE}:\$" template.yaml && grep -A1 "^  ${TABLE}:\$" template.yaml | grep -q "AWS::DynamoDB::Table" \
  || { echo "make restore: template.yaml has no table ${TABLE}"; exit 2; }
RUNNER_CP="local/target/classes:local/target/lib/*"
[ -d local/target/lib ] || ./mvnw -B -ntp -q package -DskipTests -pl local -am >&2

if [ "${LOCAL:-}" = "1" ]; then
  [ -z "${AT:-}" ] || { echo "make restore: DynamoDB Local has no point-in-time restore; leave AT out"; exit 2; }
  key_file="${FRISTED_FIELD_KEY_FILE:-${XDG_CONFIG_HOME:-$HOME/.config}/fristed/local-field-key}"
  [ -f "$key_file" ] || { echo "make restore: no local field key at $key_file (has make run ever started?)"; exit 1; }
  export LOCAL_FIELD_KEY="$(cat "$key_file")"
  export AWS_ENDPOINT_URL_DYNAMODB="http://localhost:${DYNAMODB_PORT:-8123}" AWS_REGION=eu-north-1 \
    AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
  exec java -cp "$RUNNER_CP" dk.fristed.local.Restore TABLE="$TABLE" LIVE="fristed-local-$TABLE" PUT_BACK="${PUT_BACK:-}"
fi

[ -n "${STACK:-}" ] || usage
command -v aws >/dev/null || { echo "make restore: needs the AWS CLI v2 (https://aws.amazon.com/cli/)"; exit 2; }
resource() {
  aws cloudformation describe-stack-resource --stack-name "$STACK" --logical-resource-id "$1" \
    --output text --query StackResourceDetail.PhysicalResourceId
}
output() {
  aws cloudformation describe-stacks --stack-name "$STACK" --output text --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue"
}
live="$(resource "$TABLE")"
export KEY_STORE_TABLE="$(output KeyStoreTableName)" FIELD_KEY_ARN="$(output FieldKeyArn)"
export BRANCH_KEY_ID="$(aws cloudformation describe-stacks --stack-name "$STACK" --output text \
  --query "Stacks[0].Parameters[?ParameterKey=='BranchKeyId'].ParameterValue")"
[ -n "$BRANCH_KEY_ID" ] && [ "$BRANCH_KEY_ID" != "None" ] || { echo "make restore: stack $STACK has no BranchKeyId yet"; exit 1; }
java -cp "$RUNNER_CP" dk.fristed.local.Restore TABLE="$TABLE" LIVE="$live" AT="${AT:-}" \
  KMS_KEY="$(resource DataKey)" PUT_BACK="${PUT_BACK:-}"
