#pragma once
/// Reading and parsing included files ahead of the includer, on worker
/// threads. The includer still takes every decision in reading order (which
/// file is included, its id in the SourceMap, the order of diagnostics); only
/// the expensive part, reading a file and turning it into an XNode tree, runs
/// early and in parallel. The result is the same as a serial read, byte for
/// byte (each file's diagnostics are replayed where the serial read would
/// have made them).
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "base/diagnostics.h"
#include "base/threads.h"
#include "manuscript/xml_tree.h"

namespace bb::manuscript {

/// The file index a file parsed ahead carries until it is registered in the
/// SourceMap (see `assign_file`).
inline constexpr uint32_t kPendingFile = base::Span::kNoFile - 1;

/// A file read and parsed ahead.
struct ParsedFile {
    bool read_ok = false;        ///< false: the file could not be read
    std::string bytes;           ///< its exact bytes
    std::optional<XNode> root;   ///< read_xml's result (spans name kPendingFile)
    std::vector<base::Diagnostic> diagnostics;  ///< read_xml's, in order (spans name kPendingFile)
};

/// Puts file index `file` into every span of `root` and `diagnostics` that
/// names kPendingFile.
void assign_file(ParsedFile& parsed, uint32_t file);

class ParseAhead {
public:
    /// `workers` threads besides the caller's (0: everything is parsed by
    /// the caller, when it asks).
    explicit ParseAhead(unsigned workers);
    ~ParseAhead();
    ParseAhead(const ParseAhead&) = delete;
    ParseAhead& operator=(const ParseAhead&) = delete;

    /// Queues `path` to be read and parsed as a file whose root has nesting
    /// `depth` (as read_xml counts it); a path already queued is ignored.
    void queue(const std::string& path, int depth);
    /// The parsed file, waiting for it or parsing it on this thread if no
    /// worker has started it; nullopt when `path` was not queued at `depth`
    /// (or was taken already).
    std::optional<ParsedFile> take(const std::string& path, int depth);

private:
    struct Job {
        std::string path;
        int depth = 0;
        bool claimed = false, done = false;
        ParsedFile result;
    };
    void work();
    static void run(Job& job);

    unsigned workers_;
    std::vector<base::Background> threads_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<Job>> jobs_;
    std::map<std::string, Job*> by_path_;
    size_t next_ = 0;  ///< first job no thread has claimed (jobs are claimed in order)
    bool stop_ = false;
};

}  // namespace bb::manuscript
