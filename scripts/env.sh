# Sourced by the scripts: tools installed by setup.sh on PATH (wasm-opt from npm for Trunk).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
