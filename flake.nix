{
  description = "QuickScale development shell: Python, Node.js, PostgreSQL + pg_search, Valkey, RabbitMQ and tools";

  # One nixpkgs release branch; flake.lock pins the exact revision (`nix flake update` moves it).
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.11";

  outputs =
    { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;
      systems = import ./nix/systems.nix { inherit lib; };
      forSupported = f: lib.genAttrs systems.supported (system: f nixpkgs.legacyPackages.${system});
    in
    {
      devShells =
        forSupported (pkgs: {
          default = import ./nix/shell.nix { inherit pkgs; };
        })
        // systems.unsupportedShells;

      formatter = forSupported (pkgs: pkgs.nixfmt);
    };
}
