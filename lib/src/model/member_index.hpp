#pragma once
// Node::get for code that looks up many keys of the same mappings (a finding per key of a
// 50,000-key ConfigMap): a mapping looked up more than three times gets a hash index of its keys,
// so n lookups in one mapping of n keys cost O(n), not O(n²). The last duplicate key wins, as in
// Node::get. Not thread-safe: one per walk or per reporter.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "chartproof/node.hpp"

namespace chartproof::model {

// Node::get with a per-mapping hash index built on the mapping's fourth lookup (the last duplicate
// key wins, as in Node::get).
class MemberIndex {
 public:
  Node get(Node map, std::string_view key) {
    if (!map.is_map()) return {};
    auto& entry = lookups_[Key{map.document(), map.index()}];
    if (++entry.count <= 3) return map.get(key);
    if (entry.index.empty()) {
      for (std::size_t i = 0; i < map.size(); ++i) {
        if (map.key_at(i).is_scalar()) entry.index[map.key_at(i).text()] = i;
      }
    }
    auto it = entry.index.find(key);
    return it == entry.index.end() ? Node() : map.value_at(it->second);
  }

 private:
  struct Key {
    const Document* doc;
    std::uint32_t index;
    bool operator==(const Key& o) const { return doc == o.doc && index == o.index; }
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      return std::hash<const void*>()(k.doc) ^ (std::size_t{k.index} * 0x9E3779B97F4A7C15ULL);
    }
  };
  struct Entry {
    std::size_t count = 0;
    std::unordered_map<std::string_view, std::size_t> index;
  };
  std::unordered_map<Key, Entry, KeyHash> lookups_;
};

}  // namespace chartproof::model
