# The development shell. Python packages come from uv.lock (uv sync), never from nixpkgs,
# so the shell and the container image run the same versions.
{ pkgs }:
let
  inherit (pkgs) lib stdenv;
  python = pkgs.python313;
  # ParadeDB's BM25 search; process-compose.yaml preloads it and creates the extension.
  postgresql = pkgs.postgresql_17.withPackages (p: [ p.pg_search ]);
in
pkgs.mkShell {
  packages = [
    python
    pkgs.nodejs_22
    postgresql
    pkgs.valkey
    pkgs.rabbitmq-server
    pkgs.uv
    pkgs.just
    pkgs.process-compose
    pkgs.ansible
  ];

  # uv must use the pinned interpreter and never download another one.
  UV_PYTHON = python.interpreter;
  UV_PYTHON_DOWNLOADS = "never";
  # Tells the justfile to start services through process-compose (see just/nix.just).
  QS_NIX_SHELL = "1";
  QS_PG_SEARCH = "1";

  shellHook = ''
    # A PYTHONPATH from nixpkgs' Python setup hooks would leak nixpkgs packages into the venv.
    unset PYTHONPATH
  ''
  + lib.optionalString stdenv.hostPlatform.isLinux ''
    # manylinux wheels (granian, psycopg[binary], ...) expect libstdc++/libgcc_s and zlib where a
    # conventional distribution has them. Not glibc itself (unlike pythonManylinuxPackages): the
    # interpreter already brings it, and a foreign glibc on this path breaks the host's programs.
    export LD_LIBRARY_PATH="${
      lib.makeLibraryPath [
        stdenv.cc.cc.lib
        pkgs.zlib
      ]
    }''${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  '';
}
