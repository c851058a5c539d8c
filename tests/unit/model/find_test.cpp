// Book::find_*: indexed look-ups that stay right when the book changes.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "model/book.h"

namespace bb::model {
namespace {

Book three_guides() {
    Book b;
    for (const char* id : {"anger", "grief", "work"}) {
        Guide g;
        g.id = id;
        b.guides.push_back(g);
    }
    Entry e;
    e.id = "coach-1";
    b.directory.entries.push_back(e);
    Topic t;
    t.id = "loss";
    b.topics.push_back(t);
    return b;
}

TEST(Find, FindsEachKindById) {
    Book b = three_guides();
    ASSERT_NE(b.find_guide("grief"), nullptr);
    EXPECT_EQ(b.find_guide("grief"), &b.guides[1]);
    EXPECT_EQ(b.find_entry("coach-1"), &b.directory.entries[0]);
    EXPECT_EQ(b.find_topic("loss"), &b.topics[0]);
    EXPECT_EQ(b.find_guide("coach-1"), nullptr);  // ids of one kind only
    EXPECT_EQ(b.find_entry("missing"), nullptr);
}

TEST(Find, AnswersStayRightAfterTheBookChanges) {
    Book b = three_guides();
    ASSERT_NE(b.find_guide("work"), nullptr);  // the index is built now
    b.guides[2].id = "money";                  // same size, another id
    EXPECT_EQ(b.find_guide("work"), nullptr);
    EXPECT_EQ(b.find_guide("money"), &b.guides[2]);
    Guide g;
    g.id = "fathers";
    b.guides.insert(b.guides.begin(), g);  // everything moves
    EXPECT_EQ(b.find_guide("fathers"), &b.guides[0]);
    EXPECT_EQ(b.find_guide("money"), &b.guides[3]);
}

TEST(Find, ACopyAnswersFromItsOwnVectors) {
    Book a = three_guides();
    ASSERT_NE(a.find_guide("grief"), nullptr);
    Book b = a;
    EXPECT_EQ(b.find_guide("grief"), &b.guides[1]);
    Book c;
    c = a;
    EXPECT_EQ(c.find_guide("anger"), &c.guides[0]);
}

TEST(Find, SeveralThreadsAtOnce) {
    Book b;
    for (int i = 0; i < 2000; ++i) {
        Entry e;
        e.id = std::string(1, 'e').append(std::to_string(i));
        b.directory.entries.push_back(e);
    }
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = t; i < 2000; i += 4)
                if (b.find_entry(std::string(1, 'e').append(std::to_string(i))) != &b.directory.entries[static_cast<size_t>(i)]) ++wrong;
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace bb::model
