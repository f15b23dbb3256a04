; Included by electron-builder's NSIS installer (electron-builder.yml, nsis.include).
; The hub PC starts Một Cửa when its Windows account logs on: a shortcut in that account's Startup
; folder, made on a fresh install only — an update (--updated) leaves the admin's choice alone.

!macro customInstall
  ${ifNot} ${isUpdated}
    CreateShortCut "$SMSTARTUP\${SHORTCUT_NAME}.lnk" "$INSTDIR\${APP_EXECUTABLE_FILENAME}"
  ${endIf}
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    Delete "$SMSTARTUP\${SHORTCUT_NAME}.lnk"
  ${endIf}
!macroend
