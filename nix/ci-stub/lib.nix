# The part of nixpkgs' lib that the flake uses, same names and meaning.
let
  genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
in
{
  inherit genAttrs;
  concatStringsSep = builtins.concatStringsSep;
  subtractLists = e: builtins.filter (x: !(builtins.elem x e));
  optionalAttrs = cond: as: if cond then as else { };
  optionalString = cond: s: if cond then s else "";
  versionAtLeast = v1: v2: builtins.compareVersions v1 v2 >= 0;
  makeLibraryPath = pkgs: builtins.concatStringsSep ":" (map (p: "${p}/lib") pkgs);
  # lib/systems/flake-systems.nix
  systems.flakeExposed = [
    "x86_64-linux"
    "aarch64-linux"
    "x86_64-darwin"
    "armv6l-linux"
    "armv7l-linux"
    "i686-linux"
    "aarch64-darwin"
    "powerpc64le-linux"
    "riscv64-linux"
    "x86_64-freebsd"
  ];
}
