fn main() -> std::process::ExitCode {
    ddci::run()
}
