#!/usr/bin/env bash
# Checks the offline declarations against the real sources (see README.md, "Checking the declarations").
#   R=<folder with bare git dirs, <owner>+<name>/repo> [CHECK_API=<path to check-api>] offline/check-api.sh
# Exit code: 0 when both declaration modules have no errors.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${R:?set R to the folder holding the real repositories}"
check="${CHECK_API:-$here/../../shared/tools/api-check/check-api}"

api_roots=(
  "$R/jenkinsci+jenkins/repo@jenkins-2.541.3"
  "$R/jenkinsci+stapler/repo@2050.v425108fd5089"
  "$R/jenkinsci+remoting/repo@3352.v17a_fb_4b_2773f"
  "$R/jenkinsci+workflow-step-api-plugin/repo@710.v3e456cc85233"
  "$R/jenkinsci+credentials-plugin/repo@1502.v5c95e620ddfe"
  "$R/jenkinsci+plain-credentials-plugin/repo@199.v9f8e1f741799"
  "$R/jenkinsci+azure-credentials-plugin/repo@421.vb_ffd07e951a_2"
  "$R/jenkinsci+azure-sdk-plugin/repo@284.vb_4128d6c7561"
  "$R/jenkinsci+lib-symbol-annotation/repo@symbol-annotation-1.25"
  "$R/jenkinsci+lib-annotation-indexer/repo@annotation-indexer-1.18"
  "$R/jenkinsci+cloudbees-folder-plugin/repo@6.1100.ve9eed61d16c4"
)
harness_roots=(
  "$R/jenkinsci+jenkins-test-harness/repo@2578.v44660312fd37"
  "$R/jenkinsci+workflow-job-plugin/repo@1571.1580.v18e46842c125"
  "$R/jenkinsci+workflow-cps-plugin/repo@4350.vcc65d4958821"
  "$R/jenkinsci+workflow-api-plugin/repo@1413.v2ff1a_5e720fa_"
  "$R/jenkinsci+scm-api-plugin/repo@728.vc30dcf7a_0df5"
  "$R/jenkinsci+configuration-as-code-plugin/repo@2117.vc05a_0b_e6b_f4e"
  "$R/jenkinsci+credentials-binding-plugin/repo@728.v902a_273b_8947"
)

# check-api may call Maven once to fetch its parser; run it where no pom.xml is in the way.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
status=0
"$check" "$here/jenkins-api/src/main/java" "${api_roots[@]}" || status=1
"$check" "$here/test-harness-api/src/main/java" "${api_roots[@]}" "${harness_roots[@]}" || status=1
exit "$status"
