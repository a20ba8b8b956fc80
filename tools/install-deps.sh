#!/bin/sh
# Installs the Debian packages the course needs, if any is missing:
# a C compiler and make, pkg-config, Check (unit tests) and gnuplot (figures).
# Extra package names on the command line are installed too when missing
# (make html asks for pandoc this way).
set -eu

missing=""
for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
pkg-config --exists check 2>/dev/null || missing="$missing check"
command -v gnuplot >/dev/null 2>&1 || missing="$missing gnuplot-nox"
[ -z "$missing" ] && exit 0

install_line="apt-get install -y$missing"
echo "Installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run="sudo"
else
    echo "Cannot install packages (not root, no sudo). Please run:" >&2
    echo "    sudo apt-get update && sudo $install_line" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$run apt-get update -qq
# shellcheck disable=SC2086 # $install_line is a list of words on purpose
$run $install_line
