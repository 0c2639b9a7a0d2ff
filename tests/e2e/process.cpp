#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace {

void read_all(int fd, std::string& into) {
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      into.append(buf, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return;  // EOF, or EIO once the pty's other side closes
    }
  }
}

[[noreturn]] void exec_child(const std::vector<std::string>& args, const RunOptions& opts,
                             const std::string& data_home) {
  // No food database of the machine's (mgcramp import fdc) may change an
  // answer: the default one is looked for in an empty scratch folder, and
  // none is named, unless a test says otherwise.
  ::setenv("XDG_DATA_HOME", data_home.c_str(), 1);
  ::unsetenv("MGCRAMP_FOOD_DB");
  for (const auto& [k, v] : opts.env) {
    if (v) {
      ::setenv(k.c_str(), v->c_str(), 1);
    } else {
      ::unsetenv(k.c_str());
    }
  }
  std::vector<char*> argv;
  static std::string bin = MGCRAMP_BIN;
  argv.push_back(bin.data());
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execv(bin.c_str(), argv.data());
  std::perror("execv");
  std::_Exit(127);
}

int wait_status(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

std::string scratch_data_home() {
  // Never destroyed, so that the clean-up at exit can still read it.
  static const std::string* const dir = [] {
    auto* path = new std::string("/tmp/mgcramp-e2e-data-XXXXXX");
    if (::mkdtemp(path->data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    std::atexit([] { ::rmdir(scratch_data_home().c_str()); });  // every run leaves it empty
    return path;
  }();
  return *dir;
}

Result run(const std::vector<std::string>& args, const RunOptions& opts) {
  Result r;
  const std::string data_home = scratch_data_home();
  if (opts.pty) {
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    if (pid < 0) throw std::runtime_error("forkpty failed");
    if (pid == 0) exec_child(args, opts, data_home);
    read_all(master, r.out);
    ::close(master);
    r.code = wait_status(pid);
    return r;
  }
  int out[2];
  int err[2];
  if (::pipe(out) != 0 || ::pipe(err) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int in =
        ::open(opts.stdin_path.empty() ? "/dev/null" : opts.stdin_path.c_str(), O_RDONLY);
    if (in < 0) std::_Exit(126);
    ::dup2(in, 0);
    if (!opts.stdout_path.empty()) {
      int fd = ::open(opts.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0) std::_Exit(126);
      ::dup2(fd, 1);
    } else {
      ::dup2(out[1], 1);
    }
    ::dup2(err[1], 2);
    ::close(out[0]);
    ::close(err[0]);
    exec_child(args, opts, data_home);
  }
  ::close(out[1]);
  ::close(err[1]);
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  while (open_fds > 0) {
    if (::poll(fds, 2, 30000) <= 0) break;  // 30 s without output: give up
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buf[4096];
      const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) ::close(f.fd);
  }
  r.code = wait_status(pid);
  return r;
}

namespace {
// The files temp_file made, removed when the test process ends.
struct TempFiles {
  std::vector<std::string> paths;
  ~TempFiles() {
    for (const auto& p : paths) ::unlink(p.c_str());
  }
};
TempFiles& temp_files() {
  static TempFiles files;
  return files;
}
}  // namespace

std::string temp_file(const std::string& content, const std::string& suffix) {
  std::string path = "/tmp/mgcramp-e2e-XXXXXX" + suffix;
  const int fd = ::mkstemps(path.data(), static_cast<int>(suffix.size()));
  if (fd < 0) throw std::runtime_error("mkstemps failed");
  temp_files().paths.push_back(path);
  const ssize_t n = ::write(fd, content.data(), content.size());
  ::close(fd);
  if (n != static_cast<ssize_t>(content.size())) throw std::runtime_error("write failed");
  return path;
}

std::string dataset_text() {
  std::ifstream in(MGCRAMP_DATA_FILE);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
