#!/usr/bin/env bash
# make user / make users / make disable-user: the volunteers' accounts in a deployed stack's user pool,
# for admins with the AWS CLI and the AdminRoleArn role. One of the four groups per user; the invitation
# (a temporary password by email) comes from Cognito, and the first sign-in asks for a new password and
# an authenticator app (MFA is required).
set -euo pipefail

usage() {
  echo "usage: make user STACK=<stack> EMAIL=<address> ROLE=clinician|coordinator|finance|admin"
  echo "       make users STACK=<stack>"
  echo "       make disable-user STACK=<stack> EMAIL=<address>"
  exit 2
}

command="${1:-}"
[ -n "${STACK:-}" ] || usage
case "$command" in
  create)
    [ -n "${EMAIL:-}" ] || usage
    case "${ROLE:-}" in clinician|coordinator|finance|admin) ;; *) usage ;; esac
    [[ "$EMAIL" =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ ]] || { echo "make user: EMAIL is not an address"; exit 2; } ;;
  list) ;;
  disable)
    [ -n "${EMAIL:-}" ] || usage ;;
  *) usage ;;
esac

command -v aws >/dev/null || { echo "make $command: needs the AWS CLI v2 (https://aws.amazon.com/cli/)"; exit 2; }
pool="$(aws cloudformation describe-stacks --stack-name "$STACK" --output text \
  --query "Stacks[0].Outputs[?OutputKey=='UserPoolId'].OutputValue")"
[ -n "$pool" ] && [ "$pool" != "None" ] || { echo "make $command: stack $STACK has no UserPoolId output"; exit 1; }

case "$command" in
  create)
    # the e-mail is the user name; Cognito mails the invitation with a temporary password
    aws cognito-idp admin-create-user --user-pool-id "$pool" --username "$EMAIL" \
      --user-attributes Name=email,Value="$EMAIL" Name=email_verified,Value=true \
      --desired-delivery-mediums EMAIL --output text --query 'User.Username' >/dev/null
    aws cognito-idp admin-add-user-to-group --user-pool-id "$pool" --username "$EMAIL" --group-name "$ROLE"
    echo "invited $EMAIL as $ROLE: the first sign-in sets a password and an authenticator app" ;;
  list)
    aws cognito-idp list-users --user-pool-id "$pool" --output text \
      --query 'Users[].[Username,UserStatus,Enabled]' | while read -r name status enabled; do
        groups="$(aws cognito-idp admin-list-groups-for-user --user-pool-id "$pool" --username "$name" --output text \
          --query 'Groups[].GroupName' | tr '\t' ',')"
        printf '%-40s %-24s %-8s %s\n' "$name" "$status" "$([ "$enabled" = True ] && echo enabled || echo disabled)" "$groups"
      done ;;
  disable)
    # disabled, not deleted: the audit trail keeps naming who did what
    aws cognito-idp admin-disable-user --user-pool-id "$pool" --username "$EMAIL"
    aws cognito-idp admin-user-global-sign-out --user-pool-id "$pool" --username "$EMAIL"
    echo "disabled $EMAIL and signed them out everywhere (tokens already issued expire within the hour)" ;;
esac
