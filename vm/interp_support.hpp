// The interpreter loop's helpers: the work of instructions that does not
// belong in the loop body (vm/interp.cpp), because it is long, cold, or
// shared by several instructions. Only the loop calls these.
#pragma once

#include <cstdint>
#include <string>

#include "vm/frame.hpp"
#include "vm/objects/function.hpp"

namespace gilvm {

struct ThreadState;

// Errors of name lookups.
[[noreturn]] void name_error(Str* name);
[[noreturn]] void unbound_local(Code* code, uint32_t index);
[[noreturn]] void unbound_deref(Code* code, uint32_t slot);

// LOAD_GLOBAL's general path: looks the name up and records where it was.
Value load_global_filling(Frame* frame, Str* name, GlobalCache& cache);
// frame->locals_mapping[name], or null when the mapping raises KeyError.
Value mapping_local_or_null(Frame* frame, Str* name);
// LOAD_NAME: locals, globals, then builtins.
Value load_name(Frame* frame, Str* name);
// A new dict of a function frame's variables, in co_varnames order (then
// cells, then free variables), the unbound ones left out: what locals()
// returns in a function.
Dict* fast_locals_snapshot(Frame* frame);
// STORE_NAME / DELETE_NAME into the frame's names (its locals dict, its
// locals mapping, or module code's globals).
void store_name(Frame* frame, Str* name, Value value);
void delete_name(Frame* frame, Str* name);
// SETUP_ANNOTATIONS and IMPORT_STAR for a frame with a locals mapping.
void setup_annotations_in_mapping(Frame* frame);
void import_star_into_mapping(Frame* frame, Value module);

// UNPACK_SEQUENCE: `count` values into the stack, last first.
void unpack_sequence(Value seq, uint32_t count, Value* out_reversed_top);
// UNPACK_EX (a, *b, c = seq).
void unpack_ex(Value seq, uint32_t before, uint32_t after, Value* out);
// FORMAT_VALUE: conversion (!s, !r, !a in the low bits) then format().
Value format_field(Value value, uint32_t flags, Value spec);
// BUILD_STRING: the concatenation of n str parts.
Value concat_strings(const Value* parts, uint32_t n);

// RAISE_VARARGS: stores the exception to raise in the thread state.
void prepare_raise(ThreadState* ts, Value exception, Value cause);
// The unwinder's steps: a traceback entry for `frame`, the implicit
// __context__, and the frame's handler covering instruction `at`.
void add_traceback(Value exception, Frame* frame);
void chain_context(ThreadState* ts, Value exception);
const ExceptionEntry* find_handler(const Code* code, uint32_t at);

// DICT_UPDATE/DICT_MERGE.
Value merge_call_kwargs(Value target, Value source, Value callable);
// LOAD_BUILD_CLASS and MAKE_FUNCTION.
Value builtin_build_class_value(Frame* frame);
Value make_function_from_stack(Frame* frame, Value*& sp, uint32_t flags);
// CALL_EX (f(*args, **kwargs)).
Value call_with_collected_args(ThreadState* ts, Value callable, Value self_or_null, Value args_value, Value kwargs,
                               Frame** callee);
// CPython's name for a callable in call errors: "mod.qualname()".
std::string callable_display_name(Value func);

}  // namespace gilvm
