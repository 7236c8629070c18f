# Installation layout and the Debian package (CPack, DEB generator): `./dev package` writes
# out/package/kiosk_<version>_<arch>.deb. On a clean Debian 12, installing it, writing
# /etc/kiosk/kiosk.toml and enabling the units is all a technician does (systemd/README.md).
#
# Paths follow Debian 12: programs in /usr/bin, units in /lib/systemd/system, sysusers, tmpfiles
# and udev rules under /usr/lib, the default configuration /etc/kiosk/kiosk.toml as a conffile.
# Relative destinations are below CPACK_PACKAGING_INSTALL_PREFIX (/usr).

set(KIOSK_SYSTEMD_DIR ${CMAKE_SOURCE_DIR}/systemd)

install(TARGETS kiosk kiosk-syncd kiosk-publish kiosk-query kiosk-speak RUNTIME DESTINATION bin)
install(FILES
    ${KIOSK_SYSTEMD_DIR}/kiosk.service
    ${KIOSK_SYSTEMD_DIR}/kiosk-syncd.service
    ${KIOSK_SYSTEMD_DIR}/kiosk-usb-import@.service
    ${KIOSK_SYSTEMD_DIR}/kiosk-provision.service
  DESTINATION /lib/systemd/system)
install(FILES ${KIOSK_SYSTEMD_DIR}/sysusers.d/kiosk.conf DESTINATION lib/sysusers.d)
install(FILES ${KIOSK_SYSTEMD_DIR}/tmpfiles.d/kiosk.conf DESTINATION lib/tmpfiles.d)
install(FILES ${KIOSK_SYSTEMD_DIR}/99-kiosk-usb.rules DESTINATION lib/udev/rules.d)
install(PROGRAMS ${KIOSK_SYSTEMD_DIR}/kiosk-provision DESTINATION libexec/kiosk)
# The content-safety rules kiosk-syncd checks every arriving notice against (it refuses to start
# without them); content::default_rules_dir() looks in /usr/share/kiosk/rules.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/content/safety/rules/ DESTINATION share/kiosk/rules
        PATTERN "generate.py" EXCLUDE)
install(FILES ${KIOSK_SYSTEMD_DIR}/kiosk.toml.default DESTINATION /etc/kiosk RENAME kiosk.toml
  PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(FILES
    ${KIOSK_SYSTEMD_DIR}/kiosk.toml.example
    ${KIOSK_SYSTEMD_DIR}/README.md
  DESTINATION share/doc/kiosk)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Community kiosk maintainers <kiosk@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Offline notice board and kiosk for residential communities (六务公开)")
set(CPACK_PACKAGE_DESCRIPTION
  "A fullscreen SDL2 kiosk that shows a community's notices in large Chinese type, a sync daemon \
that applies signed channels from the network or a USB stick, the staff tool kiosk-publish, and \
hardened systemd units.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Shared libraries are found by dpkg-shlibdeps (libsdl2-2.0-0, libsqlite3-0, libsodium23,
# libcmark-gfm*, libyaml-cpp0.7, libunibreak1, libqrencode4, libsystemd0, libcurl4,
# libfreetype6, ...); what the programs open at run time or use as data is listed here: the
# fonts, Mesa's EGL/GLES for SDL's KMS/DRM driver, and systemd/udev for the units.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "fonts-noto-cjk, fonts-hanazono, fonts-wqy-microhei, fonts-noto-color-emoji, \
espeak-ng-data, libegl1, libgles2, libegl-mesa0, libgl1-mesa-dri, libgbm1, libdrm2, libudev1, \
systemd (>= 252), udev")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cage, minisign")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${KIOSK_SYSTEMD_DIR}/debian/conffiles
  ${KIOSK_SYSTEMD_DIR}/debian/postinst
  ${KIOSK_SYSTEMD_DIR}/debian/prerm
  ${KIOSK_SYSTEMD_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
