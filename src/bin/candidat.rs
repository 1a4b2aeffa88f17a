fn main() {
    // SKELETON (issue 3): the CLI of shared/DOMAIN.md.
    std::process::exit(2);
}
