// re.Match: groups by number or name, spans, groupdict, expand, repr, and
// the read-only attributes (re, string, pos, endpos, lastindex, lastgroup,
// regs). A Match is immutable; group values are sliced from the subject on
// demand (from the byte spans), so making a Match costs two small vectors.
#include "stdlib/re/re_objects.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm::re {

Value match_group_value(MatchObject* m, int64_t g, Value fallback) {
  int64_t b = m->bspans[2 * g], e = m->bspans[2 * g + 1];
  if (b < 0) return fallback;
  Value s = m->string;
  if (isinstance(s, types().str)) return new_str(std::string_view(s.as<Str>()->data).substr(b, e - b));
  return new_bytes(s.as<Bytes>()->data.substr(b, e - b));
}

namespace {

MatchObject* self_match(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], re_types().match)) raise_type_error("descriptor requires a 're.Match' object");
  return a[0].as<MatchObject>();
}

// A group argument: an int index or a group name.
int64_t group_index(MatchObject* m, Value g) {
  if (g.is_small_int()) {
    int64_t i = g.small_int_value();
    if (i >= 0 && i <= m->re->groups) return i;
    raise_index_error("no such group");
  }
  if (isinstance(g, types().str)) {
    Value i = m->re->groupindex->table.get(g);
    if (!i.is_null()) return i.small_int_value();
    raise_index_error("no such group");
  }
  if (is_int_value(g) && !isinstance(g, types().bool_)) {
    raise_index_error("no such group");
  }
  if (isinstance(g, types().bool_)) {
    int64_t i = g.is_true() ? 1 : 0;
    if (i <= m->re->groups) return i;
  }
  raise_index_error("no such group");
}

Value m_group(const CallArgs& a) {
  no_keywords(a, "group");
  MatchObject* m = self_match(a);
  if (a.count == 1) return match_group_value(m, 0, Value::none());
  if (a.count == 2) return match_group_value(m, group_index(m, a[1]), Value::none());
  std::vector<Value> items;
  for (size_t k = 1; k < a.count; ++k) items.push_back(match_group_value(m, group_index(m, a[k]), Value::none()));
  return new_tuple(std::move(items));
}

Value m_getitem(const CallArgs& a) {
  MatchObject* m = self_match(a);
  return match_group_value(m, group_index(m, a[1]), Value::none());
}

Value m_groups(const CallArgs& a) {
  ArgParser ap(a, "groups", {"default"});
  MatchObject* m = self_match(a);
  Value fallback = ap.get(0, Value::none());
  std::vector<Value> items;
  for (uint32_t g = 1; g <= m->re->groups; ++g) items.push_back(match_group_value(m, g, fallback));
  return new_tuple(std::move(items));
}

Value m_groupdict(const CallArgs& a) {
  ArgParser ap(a, "groupdict", {"default"});
  MatchObject* m = self_match(a);
  Value fallback = ap.get(0, Value::none());
  Dict* d = new_dict();
  Dict* index = m->re->groupindex;
  for (size_t k = 0; k < index->table.entry_capacity(); ++k) {
    const auto& e = index->table.entry_at(k);
    if (!e.key.is_null()) d->table.set(e.key, match_group_value(m, e.value.small_int_value(), fallback));
  }
  return d;
}

int64_t group_arg(MatchObject* m, const CallArgs& a, const char* name) {
  if (a.count > 2) check_arg_count(CallArgs{a.args + 1, a.count - 1}, name, 0, 1);
  no_keywords(a, name);
  return a.count == 1 ? 0 : group_index(m, a[1]);
}

Value m_start(const CallArgs& a) {
  MatchObject* m = self_match(a);
  return Value::small_int(m->spans[2 * group_arg(m, a, "start")]);
}
Value m_end(const CallArgs& a) {
  MatchObject* m = self_match(a);
  return Value::small_int(m->spans[2 * group_arg(m, a, "end") + 1]);
}
Value m_span(const CallArgs& a) {
  MatchObject* m = self_match(a);
  int64_t g = group_arg(m, a, "span");
  return new_tuple({Value::small_int(m->spans[2 * g]), Value::small_int(m->spans[2 * g + 1])});
}

Value m_expand(const CallArgs& a) {
  ArgParser ap(a, "expand", {"template"}, 1);
  return match_expand(self_match(a), ap.get(0));
}

Value m_repr(const CallArgs& a) {
  MatchObject* m = self_match(a);
  std::string r = repr_string(match_group_value(m, 0, Value::none()));
  std::string shown = r.substr(0, byte_offset(r, 50));
  return new_str("<re.Match object; span=(" + std::to_string(m->spans[0]) + ", " + std::to_string(m->spans[1]) +
                 "), match=" + shown + ">");
}

Value m_self(const CallArgs& a) { return self_match(a); }

Value g_re(Value self) { return self.as<MatchObject>()->re; }
Value g_string(Value self) { return self.as<MatchObject>()->string; }
Value g_pos(Value self) { return Value::small_int(self.as<MatchObject>()->pos); }
Value g_endpos(Value self) { return Value::small_int(self.as<MatchObject>()->endpos); }
Value g_lastindex(Value self) {
  auto* m = self.as<MatchObject>();
  return m->lastindex < 0 ? Value::none() : Value::small_int(m->lastindex);
}
Value g_lastgroup(Value self) {
  auto* m = self.as<MatchObject>();
  if (m->lastindex < 0) return Value::none();
  Value name = m->re->group_names[m->lastindex];
  return name.is_null() ? Value::none() : name;
}
Value g_regs(Value self) {
  auto* m = self.as<MatchObject>();
  std::vector<Value> items;
  for (uint32_t g = 0; g <= m->re->groups; ++g)
    items.push_back(new_tuple({Value::small_int(m->spans[2 * g]), Value::small_int(m->spans[2 * g + 1])}));
  return new_tuple(std::move(items));
}

Value no_construct(Type*, const CallArgs&) { raise_type_error("cannot create 're.Match' instances"); }

}  // namespace

void install_match_type() {
  Type* t = new_builtin_type("Match", types().object, no_construct);
  t->allows_subclassing = false;
  add_type_attr(t, "__module__", intern("re"));
  add_method(t, "group", m_group);
  add_method(t, "__getitem__", m_getitem);
  add_method(t, "groups", m_groups);
  add_method(t, "groupdict", m_groupdict);
  add_method(t, "start", m_start);
  add_method(t, "end", m_end);
  add_method(t, "span", m_span);
  add_method(t, "expand", m_expand);
  add_method(t, "__repr__", m_repr);
  add_method(t, "__copy__", m_self);
  add_method(t, "__deepcopy__", m_self);
  add_class_method(t, "__class_getitem__", re_class_getitem);
  add_getset(t, "re", g_re);
  add_getset(t, "string", g_string);
  add_getset(t, "pos", g_pos);
  add_getset(t, "endpos", g_endpos);
  add_getset(t, "lastindex", g_lastindex);
  add_getset(t, "lastgroup", g_lastgroup);
  add_getset(t, "regs", g_regs);
  re_types().match = t;
}

}  // namespace gilvm::re
