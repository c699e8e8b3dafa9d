; Inno Setup script: a Windows installer for the bundle in dist\concord (python packaging\bundle.py).
; Build: iscc /DAppVersion=0.1.0 packaging\windows\concord.iss  (the version from pyproject.toml;
; .github/workflows/package.yml passes it). Installs for the current user without admin rights,
; or for all users when run as administrator.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z concord.iss
#endif

[Setup]
AppId={{3C56422A-6BE2-4CCE-9C27-EB6ACA0E29F7}
AppName=Concord
AppVersion={#AppVersion}
AppVerName=Concord {#AppVersion}
AppPublisher=Concord
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Concord
DefaultGroupName=Concord
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=concord-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\concord.ico
UninstallDisplayIcon={app}\concord.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\concord\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Concord"; Filename: "{app}\concord.exe"
Name: "{autodesktop}\Concord"; Filename: "{app}\concord.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\concord.exe"; Description: "{cm:LaunchProgram,Concord}"; Flags: nowait postinstall skipifsilent
