# Deployment tests (tests/deploy/, issue 8): shell scripts run by ctest. The first two take
# seconds and run in every `./dev test`; the image test builds a Debian 12 root with mmdebstrap and
# boots it in systemd-nspawn (minutes), so it runs only with KIOSK_IMAGE_TESTS=1 and is reported
# as skipped otherwise.
set(KIOSK_DEPLOY_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/deploy)
set(KIOSK_DEPLOY_SCRATCH ${CMAKE_BINARY_DIR}/test-scratch)

add_test(NAME "deploy: units verify, security scores, sysusers, tmpfiles, provisioning"
  COMMAND bash ${KIOSK_DEPLOY_TESTS}/units_test.sh ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/bin
          ${KIOSK_DEPLOY_SCRATCH}/deploy-units)
set_tests_properties("deploy: units verify, security scores, sysusers, tmpfiles, provisioning"
  PROPERTIES TIMEOUT 120)

add_test(NAME "deploy: Debian package contents and dependencies"
  COMMAND bash ${KIOSK_DEPLOY_TESTS}/package_test.sh ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}
          ${KIOSK_DEPLOY_SCRATCH}/deploy-package)
set_tests_properties("deploy: Debian package contents and dependencies"
  PROPERTIES TIMEOUT 300)

add_test(NAME "deploy: image boots in systemd-nspawn and syncs a file:// channel"
  COMMAND bash ${KIOSK_DEPLOY_TESTS}/image_test.sh ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}
          ${KIOSK_DEPLOY_SCRATCH}/deploy-image)
set_tests_properties("deploy: image boots in systemd-nspawn and syncs a file:// channel"
  PROPERTIES TIMEOUT 3600 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)

add_test(NAME "deploy: kiosk-syncd status and --check-config"
  COMMAND bash ${KIOSK_DEPLOY_TESTS}/syncd_commands_test.sh ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/bin
          ${KIOSK_DEPLOY_SCRATCH}/deploy-syncd-commands)
set_tests_properties("deploy: kiosk-syncd status and --check-config" PROPERTIES TIMEOUT 120)
