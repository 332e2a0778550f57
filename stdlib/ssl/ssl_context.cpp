// _ssl._SSLContext: an SSL_CTX with CPython's verify_mode/check_hostname
// rules, certificate and CA loading, and _wrap_socket.
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <sys/stat.h>

#include <cerrno>

#include "stdlib/ssl/ssl_internal.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm::ssl_impl {

Type* context_type = nullptr;

namespace {

constexpr int kCertNone = 0, kCertOptional = 1, kCertRequired = 2;

ContextObject* self_context(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], context_type)) raise_type_error("descriptor requires a '_ssl._SSLContext' object");
  return a[0].as<ContextObject>();
}

void set_verify(ContextObject* c, int mode) {
  int flags = mode == kCertNone ? SSL_VERIFY_NONE
            : mode == kCertOptional ? SSL_VERIFY_PEER
                                    : SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  SSL_CTX_set_verify(c->ctx, flags, nullptr);
}

int get_verify(const ContextObject* c) {
  int flags = SSL_CTX_get_verify_mode(c->ctx);
  if (flags == SSL_VERIFY_NONE) return kCertNone;
  return (flags & SSL_VERIFY_FAIL_IF_NO_PEER_CERT) ? kCertRequired : kCertOptional;
}

Value context_construct(Type* type, const CallArgs& a) {
  ArgParser p(a, "_SSLContext", {"protocol"}, 1, false);
  int protocol = static_cast<int>(index_value(p.get(0)));
  const SSL_METHOD* method;
  switch (protocol) {
    case 2: method = TLS_method(); break;
    case 16: method = TLS_client_method(); break;
    case 17: method = TLS_server_method(); break;
    default: raise_value_error("invalid or unsupported protocol version " + std::to_string(protocol));
  }
  SSL_CTX* ctx = SSL_CTX_new(method);
  if (ctx == nullptr) raise_ssl_queue_error("failed to allocate SSL context");
  auto* c = gc_new<ContextObject>(type);
  c->ctx = ctx;
  c->protocol = protocol;
  // CPython's defaults: TLS 1.2 at least, no compression, partial writes
  // never seen by Python (a write sends everything or fails).
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_SINGLE_DH_USE | SSL_OP_SINGLE_ECDH_USE);
  SSL_CTX_set_mode(ctx, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_AUTO_RETRY);
  if (protocol == 16) {
    c->check_hostname = true;
    set_verify(c, kCertRequired);
  } else {
    set_verify(c, kCertNone);
  }
  X509_VERIFY_PARAM_set_hostflags(SSL_CTX_get0_param(ctx), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  return c;
}

Value get_verify_mode(Value self) { return make_int(static_cast<int64_t>(get_verify(self.as<ContextObject>()))); }
void put_verify_mode(Value self, Value v) {
  auto* c = self.as<ContextObject>();
  if (v.is_null()) raise_attribute_error("cannot delete attribute");
  int64_t mode = index_value(v);
  if (mode < kCertNone || mode > kCertRequired) raise_value_error("invalid value for verify_mode");
  if (mode == kCertNone && c->check_hostname)
    raise_value_error("Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
  set_verify(c, static_cast<int>(mode));
}

Value get_check_hostname(Value self) { return Value::boolean(self.as<ContextObject>()->check_hostname); }
void put_check_hostname(Value self, Value v) {
  auto* c = self.as<ContextObject>();
  if (v.is_null()) raise_attribute_error("cannot delete attribute");
  bool on = is_truthy(v);
  // Turning hostname checks on also turns verification on, as CPython's.
  if (on && get_verify(c) == kCertNone) set_verify(c, kCertRequired);
  c->check_hostname = on;
}

Value get_protocol(Value self) { return make_int(static_cast<int64_t>(self.as<ContextObject>()->protocol)); }

std::string path_arg(Value v, const char* what) {
  if (isinstance(v, types().str)) return v.as<Str>()->data;
  if (isinstance(v, types().bytes)) return v.as<Bytes>()->data;
  raise_type_error(std::string(what) + " should be a valid filesystem path");
}

// A missing file is FileNotFoundError, as CPython's (which looks at errno).
void check_exists(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) raise_os_error_errno(errno);
}

Value ctx_load_cert_chain(const CallArgs& a) {
  ArgParser p(a, "load_cert_chain", {"certfile", "keyfile", "password"}, 1);
  ContextObject* c = self_context(a);
  std::string certfile = path_arg(p.get(0), "certfile");
  Value key_arg = p.get(1, Value::none());
  std::string keyfile = key_arg.is_none() ? certfile : path_arg(key_arg, "keyfile");
  if (!p.get(2, Value::none()).is_none()) raise_error(exc().NotImplementedError, "password-protected keys are not supported");
  check_exists(certfile);
  ERR_clear_error();
  if (SSL_CTX_use_certificate_chain_file(c->ctx, certfile.c_str()) != 1) raise_ssl_queue_error("cannot load certificate");
  check_exists(keyfile);
  if (SSL_CTX_use_PrivateKey_file(c->ctx, keyfile.c_str(), SSL_FILETYPE_PEM) != 1) raise_ssl_queue_error("cannot load key");
  if (SSL_CTX_check_private_key(c->ctx) != 1) raise_ssl_queue_error("key does not match the certificate");
  return Value::none();
}

Value ctx_load_verify_locations(const CallArgs& a) {
  ArgParser p(a, "load_verify_locations", {"cafile", "capath", "cadata"});
  ContextObject* c = self_context(a);
  Value cafile = p.get(0, Value::none()), capath = p.get(1, Value::none()), cadata = p.get(2, Value::none());
  if (cafile.is_none() && capath.is_none() && cadata.is_none())
    raise_type_error("cafile, capath and cadata cannot be all omitted");
  ERR_clear_error();
  if (!cadata.is_none()) {
    std::string pem = isinstance(cadata, types().str) ? cadata.as<Str>()->data : buffer_bytes(cadata);
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509_STORE* store = SSL_CTX_get_cert_store(c->ctx);
    int loaded = 0;
    bool der = !isinstance(cadata, types().str);
    for (;;) {
      X509* cert = der ? d2i_X509_bio(bio, nullptr) : PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
      if (cert == nullptr) break;
      X509_STORE_add_cert(store, cert);
      X509_free(cert);
      ++loaded;
    }
    BIO_free(bio);
    ERR_clear_error();
    if (loaded == 0) raise_exception(call_object(ssl_errors().base, CallArgs{nullptr, 0}));
  }
  if (!cafile.is_none() || !capath.is_none()) {
    std::string file = cafile.is_none() ? "" : path_arg(cafile, "cafile");
    std::string dir = capath.is_none() ? "" : path_arg(capath, "capath");
    if (!file.empty()) check_exists(file);
    if (SSL_CTX_load_verify_locations(c->ctx, file.empty() ? nullptr : file.c_str(), dir.empty() ? nullptr : dir.c_str()) != 1)
      raise_ssl_queue_error("cannot load verify locations");
  }
  return Value::none();
}

Value ctx_set_default_verify_paths(const CallArgs& a) {
  check_arg_count(a, "set_default_verify_paths", 1, 1);
  if (SSL_CTX_set_default_verify_paths(self_context(a)->ctx) != 1) raise_ssl_queue_error("cannot set default verify paths");
  return Value::none();
}

Value ctx_set_ciphers(const CallArgs& a) {
  check_arg_count(a, "set_ciphers", 2, 2);
  ContextObject* c = self_context(a);
  if (!isinstance(a[1], types().str)) raise_type_error("set_ciphers() argument must be str, not " + type_name(a[1]));
  ERR_clear_error();
  if (SSL_CTX_set_cipher_list(c->ctx, a[1].as<Str>()->data.c_str()) != 1) {
    ERR_clear_error();
    Value args[2] = {Value::small_int(1), new_str("No cipher can be selected.")};
    raise_exception(call_object(ssl_errors().base, CallArgs{args, 2}));
  }
  return Value::none();
}

Value ctx_wrap_socket(const CallArgs& a) {
  ArgParser p(a, "_wrap_socket", {"sock", "server_side", "server_hostname"}, 2);
  ContextObject* c = self_context(a);
  Value hostname = p.get(2, Value::none());
  if (!hostname.is_none() && !isinstance(hostname, types().str)) raise_type_error("server_hostname must be str or None");
  return new_ssl_socket(c, p.get(0), is_truthy(p.get(1)), hostname);
}

}  // namespace

void install_context_type(Module* m) {
  if (context_type == nullptr) {
    Type* t = new_builtin_type("_SSLContext", types().object, context_construct);
    t->instances_have_dict = true;
    add_type_attr(t, "__module__", new_str("_ssl"));
    add_getset(t, "verify_mode", get_verify_mode, put_verify_mode);
    // The same, for ssl.SSLContext's property that returns a VerifyMode.
    add_getset(t, "_verify_mode", get_verify_mode, put_verify_mode);
    add_getset(t, "check_hostname", get_check_hostname, put_check_hostname);
    add_getset(t, "protocol", get_protocol);
    add_method(t, "load_cert_chain", ctx_load_cert_chain);
    add_method(t, "load_verify_locations", ctx_load_verify_locations);
    add_method(t, "set_default_verify_paths", ctx_set_default_verify_paths);
    add_method(t, "set_ciphers", ctx_set_ciphers);
    add_method(t, "_wrap_socket", ctx_wrap_socket);
    context_type = t;
  }
  m->dict()->table.set(intern("_SSLContext"), context_type);
}

}  // namespace gilvm::ssl_impl
