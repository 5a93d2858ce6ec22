# A tiny stand-in for nixpkgs, for CI only (this machine has no nixpkgs and an old Nix):
#   nix flake check --override-input nixpkgs path:./nix/ci-stub ...
# It declares exactly the attributes QuickScale's flake uses, under their real nixpkgs names,
# as fake derivations that are evaluated but never built. A misspelled or missing attribute in
# flake.nix or nix/*.nix therefore fails the check. Add an attribute here only after checking
# that nixpkgs has it under that name.
{
  description = "CI stub of nixpkgs for QuickScale's flake check";

  outputs =
    { self }:
    let
      lib = import ./lib.nix;
    in
    {
      inherit lib;
      legacyPackages = lib.genAttrs lib.systems.flakeExposed (
        system: import ./pkgs.nix { inherit lib system; }
      );
    };
}
