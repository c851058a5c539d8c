#include "manuscript/parse_ahead.h"

#include "base/atomic_file.h"
#include "manuscript/xml_reader.h"

namespace bb::manuscript {

namespace {
void assign(base::Span& s, uint32_t file) {
    if (s.file == kPendingFile) s.file = file;
}

// Depth is bounded by the reader (kMaxDepth).
void assign_tree(XNode& n, uint32_t file) {
    assign(n.span, file);
    assign(n.include_span, file);
    for (XAttr& a : n.attrs) {
        assign(a.name_span, file);
        assign(a.value_span, file);
    }
    for (XNode& c : n.children) assign_tree(c, file);
}
}  // namespace

void assign_file(ParsedFile& parsed, uint32_t file) {
    if (parsed.root) assign_tree(*parsed.root, file);
    for (base::Diagnostic& d : parsed.diagnostics) assign(d.span, file);
}

ParseAhead::ParseAhead(unsigned workers) : workers_(workers) {}

ParseAhead::~ParseAhead() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.wait();
}

void ParseAhead::run(Job& job) {
    ParsedFile& r = job.result;
    r.read_ok = base::read_file(job.path, r.bytes);
    if (!r.read_ok) return;
    // Every diagnostic is kept here; the includer replays them into its
    // sink, which applies its own limit.
    base::Sink local(SIZE_MAX);
    r.root = read_xml(kPendingFile, std::string_view(r.bytes), job.depth, local);
    r.diagnostics = local.all();
}

void ParseAhead::work() {
    std::unique_lock lock(mu_);
    for (;;) {
        cv_.wait(lock, [&] { return stop_ || next_ < jobs_.size(); });
        if (stop_) return;
        Job& job = *jobs_[next_++];
        job.claimed = true;
        lock.unlock();
        run(job);
        lock.lock();
        job.done = true;
        cv_.notify_all();
    }
}

void ParseAhead::queue(const std::string& path, int depth) {
    std::lock_guard lock(mu_);
    if (by_path_.count(path)) return;
    auto job = std::make_unique<Job>();
    job->path = path;
    job->depth = depth;
    by_path_[path] = job.get();
    jobs_.push_back(std::move(job));
    if (threads_.size() < workers_) threads_.emplace_back([this] { work(); });
    cv_.notify_one();
}

std::optional<ParsedFile> ParseAhead::take(const std::string& path, int depth) {
    std::unique_lock lock(mu_);
    auto it = by_path_.find(path);
    if (it == by_path_.end() || !it->second || it->second->depth != depth) return std::nullopt;
    Job& job = *it->second;
    it->second = nullptr;  // taken; the path is not queued again
    // Help instead of waiting: parse the jobs up to this one that no worker
    // has claimed (claims go in order, so this one is among them or taken),
    // then, while a worker still parses this one, the jobs after it (the
    // files the includer will ask for next).
    while (!job.done && next_ < jobs_.size()) {
        Job& mine = *jobs_[next_++];
        mine.claimed = true;
        lock.unlock();
        run(mine);
        lock.lock();
        mine.done = true;
        cv_.notify_all();
    }
    cv_.wait(lock, [&] { return job.done; });
    return std::move(job.result);
}

}  // namespace bb::manuscript
