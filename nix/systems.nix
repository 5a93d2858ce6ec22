# Which systems the dev shell supports, and what `nix develop` says on any other one.
# nixVersion is a parameter only so CI (Nix 2.8) can check the unsupported-system entries.
{
  lib,
  nixVersion ? builtins.nixVersion,
}:
let
  supported = [
    "x86_64-linux"
    "aarch64-linux"
    "x86_64-darwin"
    "aarch64-darwin"
  ];
  message =
    system:
    "QuickScale's dev shell does not support ${system}; supported systems: "
    + lib.concatStringsSep ", " supported;
  others = lib.subtractLists supported lib.systems.flakeExposed;
in
{
  inherit supported message;

  # Without these entries `nix develop` on, say, riscv64-linux would only say the attribute is
  # missing. They throw when evaluated, so they must not be evaluated by `nix flake check`:
  # Nix >= 2.16 checks only the local system (nixpkgs itself needs >= 2.18), but older Nix checks
  # every system listed, hence the version gate. `nix flake check --all-systems` reports them too,
  # which is right: there is no shell for those systems.
  unsupportedShells = lib.optionalAttrs (lib.versionAtLeast nixVersion "2.16") (
    lib.genAttrs others (system: {
      default = throw (message system);
    })
  );
}
