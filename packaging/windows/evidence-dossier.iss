; Windows installer for Evidence Dossier (Inno Setup 6). Built by .github/workflows/package.yml:
;   iscc /DVersion=0.1.0 /DIcon=..\..\build\evidence-dossier.ico packaging\windows\evidence-dossier.iss
; from dist\evidence-dossier (PyInstaller, packaging/evidence-dossier.spec). Not built or run on
; the Linux machine where the rest is tested: see README, "What is tested where".
;
; Installs for the user alone by default (no administrator needed: lawyers' laptops are often
; locked down), or for all users if they choose. The uninstaller removes the program only:
; vaults live in the user's data folder (or where the user put them) and are never touched.

#ifndef Version
  #define Version "0.0.0"
#endif

[Setup]
AppId={{5E0B7C52-3D5A-4B7E-9A63-2C1F0D8E4A71}
AppName=Evidence Dossier
AppVersion={#Version}
AppPublisher=Evidence Dossier developers
DefaultDirName={autopf}\Evidence Dossier
DefaultGroupName=Evidence Dossier
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=Evidence-Dossier-{#Version}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
LicenseFile=..\..\LICENSE
#ifdef Icon
SetupIconFile={#Icon}
#endif
UninstallDisplayIcon={app}\evidence-dossier.exe
WizardStyle=modern
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[CustomMessages]
english.AddToPath=Add the dossier command to PATH (for the command line)
russian.AddToPath=Добавить команду dossier в PATH (для командной строки)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPath}"; Flags: unchecked

[Files]
Source: "..\..\dist\evidence-dossier\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Evidence Dossier"; Filename: "{app}\evidence-dossier.exe"
Name: "{autodesktop}\Evidence Dossier"; Filename: "{app}\evidence-dossier.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; \
  ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\evidence-dossier.exe"; Description: "{cm:LaunchProgram,Evidence Dossier}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Folder: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;
