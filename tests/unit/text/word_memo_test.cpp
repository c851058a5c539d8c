// The paragraph builder's word memo: a table that finds what was kept.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/word_memo.h"

using namespace bb::text;
using namespace bb::text::paragraph_detail;

TEST(WordMemo, FindsEveryWordKeptAndNothingElse) {
    WordMemo memo;
    EXPECT_EQ(memo.find("word"), nullptr);
    std::vector<const SetWord*> found;
    for (int i = 0; i < 20000; ++i) {
        SetWord set;
        set.width = i;
        set.items.push_back(Item::make_box(i, 0));
        memo.add("w" + std::to_string(i), std::move(set));
        if (i % 1000 == 0) found.push_back(memo.find("w" + std::to_string(i)));
    }
    for (int i = 0; i < 20000; ++i) {
        const SetWord* set = memo.find("w" + std::to_string(i));
        ASSERT_NE(set, nullptr) << i;
        EXPECT_EQ(set->width, i);
        EXPECT_EQ(set->items.at(0).width, i);
    }
    for (int i = 20000; i < 21000; ++i) EXPECT_EQ(memo.find("w" + std::to_string(i)), nullptr);
    EXPECT_EQ(memo.find(""), nullptr);
    EXPECT_EQ(memo.find("w1 "), nullptr);
    // What was found before the table grew is still where it was.
    for (size_t k = 0; k < found.size(); ++k) EXPECT_EQ(found[k], memo.find("w" + std::to_string(k * 1000)));
}

TEST(WordMemo, KeepsTheFirstSettingOfAWordAndStopsWhenFull) {
    WordMemo memo;
    SetWord a, b;
    a.width = 1;
    b.width = 2;
    memo.add("same", std::move(a));
    memo.add("same", std::move(b));  // the builder never does; the first stays
    ASSERT_NE(memo.find("same"), nullptr);
    EXPECT_EQ(memo.find("same")->width, 1);
    for (int i = 0; i < 70000; ++i) memo.add("x" + std::to_string(i), SetWord{});
    EXPECT_NE(memo.find("x100"), nullptr);
    EXPECT_EQ(memo.find("x69999"), nullptr);  // past the bound: not kept
}

TEST(WordMemo, EachSettingAndThreadHasItsOwnMemo) {
    WordSetting regular{1, 10, 0, "en", 50, 50, true, false};
    WordSetting larger = regular;
    larger.size = 10.5;
    WordMemos words, other;
    WordMemo& mine = words.memo(regular);
    EXPECT_EQ(&words.memo(regular), &mine);
    EXPECT_NE(&words.memo(larger), &mine);
    EXPECT_NE(&other.memo(regular), &mine);
    EXPECT_EQ(&words.memo(regular), &mine);  // after using another set
    WordMemo* theirs = nullptr;
    std::thread([&] { theirs = &words.memo(regular); }).join();
    EXPECT_NE(theirs, &mine);
}
