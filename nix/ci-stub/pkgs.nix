# Fake packages under the nixpkgs attribute names the flake uses (see ../../nix/shell.nix).
# Each is a derivation that is only evaluated: its builder would fail if anything built it.
{ lib, system }:
let
  fake =
    name: extra:
    derivation {
      inherit name system;
      builder = "/bin/sh";
      args = [ "-c" "echo 'ci-stub: fake package, not buildable' >&2; exit 1" ];
    }
    // extra;
  pkg = name: fake name { };
  pyPassthru = version: { interpreter = "${fake "python3-${version}" { }}/bin/python${version}"; };
  # postgresqlPackages / postgresql_17.pkgs: extensions usable in withPackages
  pgExtensions = {
    pg_search = pkg "pg_search";
  };
  # mkShell takes packages and turns the other attributes into environment variables; like
  # the real one, every value must coerce to a string, which forces every package referenced.
  mkShell =
    {
      name ? "nix-shell",
      packages ? [ ],
      ...
    }@args:
    derivation (
      builtins.removeAttrs args [ "packages" ]
      // {
        inherit name system;
        builder = "/bin/sh";
        nativeBuildInputs = packages;
      }
    );
in
{
  inherit lib mkShell;
  stdenv = {
    hostPlatform = {
      isLinux = builtins.match ".*-linux" system != null;
      isDarwin = builtins.match ".*-darwin" system != null;
    };
    cc.cc = pkg "gcc" // {
      lib = pkg "gcc-lib";
    };
  };
  python313 = fake "python3-3.13" (pyPassthru "3.13");
  nodejs_22 = pkg "nodejs-22";
  postgresql_17 = fake "postgresql-17" {
    pkgs = pgExtensions;
    withPackages = f: fake "postgresql-and-plugins-17" { pkgs = f pgExtensions; };
  };
  valkey = pkg "valkey";
  rabbitmq-server = pkg "rabbitmq-server";
  uv = pkg "uv";
  just = pkg "just";
  process-compose = pkg "process-compose";
  ansible = pkg "ansible";
  nixfmt = pkg "nixfmt";
  zlib = pkg "zlib";
}
