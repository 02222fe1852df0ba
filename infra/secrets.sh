#!/usr/bin/env bash
# Creates (or updates) the secrets a wagw stack reads at run time, under wagw/<stack>/ in Secrets
# Manager (README "Deploy to AWS"). Values come from the environment, never from arguments (they
# would stay in the shell history):
#   WAGW_META_ACCESS_TOKEN   Meta's system user access token
#   WAGW_META_APP_SECRET     the Meta app's secret (signs Meta's webhooks)
#   WAGW_META_VERIFY_TOKEN   any string; Meta echoes it when the webhook is subscribed
# The admin key is generated here, printed once and stored only as its SHA-256.
# Usage: infra/secrets.sh <stack name>      (AWS credentials and region as the aws CLI finds them)
set -euo pipefail
stack="${1:?usage: infra/secrets.sh <stack name>}"
prefix="wagw/${stack}"

put() { # name value
  if aws secretsmanager describe-secret --secret-id "$1" >/dev/null 2>&1; then
    aws secretsmanager put-secret-value --secret-id "$1" --secret-string "$2" >/dev/null
    echo "updated $1"
  else
    aws secretsmanager create-secret --name "$1" --secret-string "$2" >/dev/null
    echo "created $1"
  fi
}

put "${prefix}/meta/access-token" "${WAGW_META_ACCESS_TOKEN:?set WAGW_META_ACCESS_TOKEN}"
put "${prefix}/meta/app-secret" "${WAGW_META_APP_SECRET:?set WAGW_META_APP_SECRET}"
put "${prefix}/meta/verify-token" "${WAGW_META_VERIFY_TOKEN:?set WAGW_META_VERIFY_TOKEN}"
if ! aws secretsmanager describe-secret --secret-id "${prefix}/admin-key-sha256" >/dev/null 2>&1; then
  admin_key="$(openssl rand -hex 32)"
  put "${prefix}/admin-key-sha256" "$(printf %s "$admin_key" | sha256sum | cut -d' ' -f1)"
  echo "admin key (shown once; keep it in your password manager): ${admin_key}"
fi
