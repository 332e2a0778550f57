// The native _ssl module: the exception classes and how OpenSSL's errors
// become them, certificate decoding for getpeercert(), constants, and the
// module's registration. The context and socket types have their own files.
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>

#include <cerrno>
#include <cstring>

#include "stdlib/ssl/ssl_internal.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm::ssl_impl {

// CPython's own code for an EOF that broke the protocol (not an OpenSSL one).
constexpr int SSL_ERROR_EOF = 8;

SslErrors& ssl_errors() {
  static SslErrors errors;
  return errors;
}

namespace {

// CPython's short names for the libraries errors come from.
std::string library_name(unsigned long e) {
  switch (ERR_GET_LIB(e)) {
    case ERR_LIB_SSL: return "SSL";
    case ERR_LIB_X509: return "X509";
    case ERR_LIB_PEM: return "PEM";
    case ERR_LIB_EVP: return "EVP";
    case ERR_LIB_ASN1: return "ASN1";
    case ERR_LIB_BIO: return "BIO";
    case ERR_LIB_SYS: return "SYS";
    case ERR_LIB_X509V3: return "X509V3";
    default: {
      const char* s = ERR_lib_error_string(e);
      return s ? s : "";
    }
  }
}

// "certificate verify failed" -> "CERTIFICATE_VERIFY_FAILED": OpenSSL 3
// keeps only the text; the mnemonic CPython shows is that text in capitals.
std::string reason_mnemonic(const char* text) {
  std::string out;
  for (const char* p = text; *p; ++p) out += *p == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
  return out;
}

Value make_error(Type* type, int code, const std::string& message, Value library, Value reason) {
  Value args[2] = {make_int(static_cast<int64_t>(code)), new_str(message)};
  Value e = call_object(type, CallArgs{args, 2});
  set_attr(e, intern("library"), library);
  set_attr(e, intern("reason"), reason);
  return e;
}

}  // namespace

[[noreturn]] void raise_ssl_error(SSL* ssl, int code, int ret, int saved_errno, unsigned long queued) {
  SslErrors& t = ssl_errors();
  switch (code) {
    case SSL_ERROR_ZERO_RETURN:
      raise_exception(make_error(t.zero_return, code, "TLS/SSL connection has been closed (EOF)", Value::none(), Value::none()));
    case SSL_ERROR_WANT_READ:
      raise_exception(make_error(t.want_read, code, "The operation did not complete (read)", Value::none(), Value::none()));
    case SSL_ERROR_WANT_WRITE:
      raise_exception(make_error(t.want_write, code, "The operation did not complete (write)", Value::none(), Value::none()));
    case SSL_ERROR_SYSCALL:
      if (queued == 0) {
        if (ret == 0 || saved_errno == 0)
          raise_exception(make_error(t.eof, SSL_ERROR_EOF, "EOF occurred in violation of protocol", Value::none(), Value::none()));
        raise_os_error_errno(saved_errno);
      }
      break;
    default:
      break;
  }
  if (queued == 0) raise_exception(make_error(t.base, code, "unknown error", Value::none(), Value::none()));
  const char* reason_text = ERR_reason_error_string(queued);
  std::string mnemonic = reason_mnemonic(reason_text ? reason_text : "unknown");
  std::string library = library_name(queued);
  if (ERR_GET_LIB(queued) == ERR_LIB_SSL && ERR_GET_REASON(queued) == SSL_R_UNEXPECTED_EOF_WHILE_READING)
    raise_exception(make_error(t.eof, SSL_ERROR_EOF, "[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol",
                               new_str(library), new_str(mnemonic)));
  std::string message = "[" + library + ": " + mnemonic + "] " + (reason_text ? reason_text : "unknown error");
  if (ERR_GET_LIB(queued) == ERR_LIB_SSL && ERR_GET_REASON(queued) == SSL_R_CERTIFICATE_VERIFY_FAILED && ssl != nullptr) {
    long verify = SSL_get_verify_result(ssl);
    std::string verify_message;
    if (verify == X509_V_ERR_HOSTNAME_MISMATCH || verify == X509_V_ERR_IP_ADDRESS_MISMATCH) {
      const char* host = SSL_get0_peername(ssl);
      X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
      std::string name;
      if (host != nullptr) name = host;
      else if (char* ip = X509_VERIFY_PARAM_get1_ip_asc(param)) {
        name = ip;
        OPENSSL_free(ip);
      }
      if (name.empty() && SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name) != nullptr)
        name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
      verify_message = std::string(verify == X509_V_ERR_HOSTNAME_MISMATCH ? "Hostname mismatch" : "IP address mismatch") +
                       ", certificate is not valid for '" + name + "'.";
    } else {
      verify_message = X509_verify_cert_error_string(verify);
    }
    Value e = make_error(t.cert_verify, 1, message + ": " + verify_message, new_str(library), new_str(mnemonic));
    set_attr(e, intern("verify_code"), make_int(static_cast<int64_t>(verify)));
    set_attr(e, intern("verify_message"), new_str(verify_message));
    raise_exception(e);
  }
  raise_exception(make_error(t.base, code == SSL_ERROR_NONE ? 1 : code, message, new_str(library), new_str(mnemonic)));
}

[[noreturn]] void raise_ssl_queue_error(const char* fallback) {
  unsigned long queued = ERR_peek_last_error();
  ERR_clear_error();
  if (queued == 0) raise_exception(make_error(ssl_errors().base, 0, fallback, Value::none(), Value::none()));
  raise_ssl_error(nullptr, SSL_ERROR_SSL, 0, 0, queued);
}

// ---------------------------------------------------------------- certificates

namespace {

std::string asn1_text(const ASN1_STRING* s) {
  unsigned char* utf8 = nullptr;
  int n = ASN1_STRING_to_UTF8(&utf8, s);
  if (n < 0) return "";
  std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
  OPENSSL_free(utf8);
  return out;
}

std::string object_name(const ASN1_OBJECT* obj) {
  int nid = OBJ_obj2nid(obj);
  if (nid != NID_undef) return OBJ_nid2ln(nid);
  char buf[128];
  OBJ_obj2txt(buf, sizeof buf, obj, 1);
  return buf;
}

// ((('commonName', 'x'),), (('organizationName', 'y'),)): one tuple per
// relative distinguished name, entries of a multi-valued RDN together.
Value decode_name(const X509_NAME* name) {
  ValueVector rdns;
  ValueVector current;
  int last_set = -1;
  int count = X509_NAME_entry_count(name);
  for (int i = 0; i < count; ++i) {
    const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    int set = X509_NAME_ENTRY_set(entry);
    if (set != last_set && !current.empty()) {
      rdns.push_back(new_tuple(std::move(current)));
      current.clear();
    }
    last_set = set;
    Value key = new_str(object_name(X509_NAME_ENTRY_get_object(entry)));
    Value value = new_str(asn1_text(X509_NAME_ENTRY_get_data(entry)));
    current.push_back(new_tuple({key, value}));
  }
  if (!current.empty()) rdns.push_back(new_tuple(std::move(current)));
  return new_tuple(std::move(rdns));
}

std::string time_text(const ASN1_TIME* t) {
  BIO* bio = BIO_new(BIO_s_mem());
  ASN1_TIME_print(bio, t);
  char* data = nullptr;
  long n = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<size_t>(n));
  BIO_free(bio);
  return out;
}

Value decode_alt_names(X509* cert) {
  auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (names == nullptr) return Value::null();
  ValueVector out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* n = sk_GENERAL_NAME_value(names, i);
    std::string kind, value;
    switch (n->type) {
      case GEN_DNS: kind = "DNS"; value = asn1_text(n->d.dNSName); break;
      case GEN_EMAIL: kind = "email"; value = asn1_text(n->d.rfc822Name); break;
      case GEN_URI: kind = "URI"; value = asn1_text(n->d.uniformResourceIdentifier); break;
      case GEN_IPADD: {
        kind = "IP Address";
        const ASN1_OCTET_STRING* ip = n->d.iPAddress;
        char text[INET6_ADDRSTRLEN] = {0};
        if (ip->length == 4) {
          inet_ntop(AF_INET, ip->data, text, sizeof text);
          value = text;
        } else if (ip->length == 16) {
          // CPython writes IPv6 addresses as eight uncompressed groups.
          for (int g = 0; g < 8; ++g) {
            char part[8];
            std::snprintf(part, sizeof part, "%X", (ip->data[2 * g] << 8) | ip->data[2 * g + 1]);
            if (g > 0) value += ":";
            value += part;
          }
        } else {
          value = "<invalid>";
        }
        break;
      }
      default: continue;
    }
    out.push_back(new_tuple({new_str(kind), new_str(value)}));
  }
  GENERAL_NAMES_free(names);
  return new_tuple(std::move(out));
}

}  // namespace

Value decode_certificate(X509* cert) {
  Value result = new_dict();
  auto put = [&](const char* key, Value v) { set_item(result, new_str(key), v); };
  put("subject", decode_name(X509_get_subject_name(cert)));
  put("issuer", decode_name(X509_get_issuer_name(cert)));
  put("version", make_int(static_cast<int64_t>(X509_get_version(cert) + 1)));
  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  char* hex = BN_bn2hex(serial);
  std::string serial_text = hex;
  if (serial_text.size() % 2 == 1) serial_text = "0" + serial_text;
  OPENSSL_free(hex);
  BN_free(serial);
  put("serialNumber", new_str(serial_text));
  put("notBefore", new_str(time_text(X509_get0_notBefore(cert))));
  put("notAfter", new_str(time_text(X509_get0_notAfter(cert))));
  Value alt = decode_alt_names(cert);
  if (!alt.is_null()) put("subjectAltName", alt);
  return result;
}

namespace {

// SSLError.__str__: the message alone (CPython shows strerror, not
// "[Errno n] ...").
Value ssl_error_str(const CallArgs& a) {
  check_arg_count(a, "__str__", 1, 1);
  Value text = get_attr_or_null(a[0], intern("strerror"));
  if (!text.is_null() && isinstance(text, types().str)) return text;
  Value args = get_attr_or_null(a[0], intern("args"));
  return to_str(args);
}

Type* make_error_type(const char* name, Type* base) {
  Type* t = new_builtin_type(name, base, exc().OSError->construct);
  t->instances_have_dict = true;
  add_type_attr(t, "__module__", new_str("ssl"));
  return t;
}

void init_ssl_module(Module* m) {
  SslErrors& t = ssl_errors();
  if (t.base == nullptr) {
    t.base = make_error_type("SSLError", exc().OSError);
    add_method(t.base, "__str__", ssl_error_str);
    t.zero_return = make_error_type("SSLZeroReturnError", t.base);
    t.want_read = make_error_type("SSLWantReadError", t.base);
    t.want_write = make_error_type("SSLWantWriteError", t.base);
    t.syscall = make_error_type("SSLSyscallError", t.base);
    t.eof = make_error_type("SSLEOFError", t.base);
    t.cert_verify = make_error_type("SSLCertVerificationError", t.base);
    // SSLCertVerificationError(SSLError, ValueError), as CPython's.
    Type* v = t.cert_verify;
    v->bases = {t.base, exc().ValueError};
    v->mro.clear();
    v->mro.push_back(v);
    for (Type* b : {t.base, exc().OSError, exc().ValueError, exc().Exception, exc().BaseException, types().object})
      v->mro.push_back(b);
  }
  DictTable& d = m->dict()->table;
  d.set(intern("SSLError"), t.base);
  d.set(intern("SSLZeroReturnError"), t.zero_return);
  d.set(intern("SSLWantReadError"), t.want_read);
  d.set(intern("SSLWantWriteError"), t.want_write);
  d.set(intern("SSLSyscallError"), t.syscall);
  d.set(intern("SSLEOFError"), t.eof);
  d.set(intern("SSLCertVerificationError"), t.cert_verify);
  install_context_type(m);
  install_ssl_socket_type(m);
  auto set = [&d](const char* name, int64_t value) { d.set(intern(name), make_int(value)); };
  set("PROTOCOL_TLS", 2);
  set("PROTOCOL_TLS_CLIENT", 16);
  set("PROTOCOL_TLS_SERVER", 17);
  set("CERT_NONE", 0);
  set("CERT_OPTIONAL", 1);
  set("CERT_REQUIRED", 2);
  set("SSL_ERROR_ZERO_RETURN", SSL_ERROR_ZERO_RETURN);
  set("SSL_ERROR_WANT_READ", SSL_ERROR_WANT_READ);
  set("SSL_ERROR_WANT_WRITE", SSL_ERROR_WANT_WRITE);
  set("SSL_ERROR_WANT_X509_LOOKUP", SSL_ERROR_WANT_X509_LOOKUP);
  set("SSL_ERROR_SYSCALL", SSL_ERROR_SYSCALL);
  set("SSL_ERROR_SSL", SSL_ERROR_SSL);
  set("SSL_ERROR_WANT_CONNECT", SSL_ERROR_WANT_CONNECT);
  set("SSL_ERROR_EOF", SSL_ERROR_EOF);
  set("SSL_ERROR_INVALID_ERROR_CODE", 10);
  set("OP_NO_SSLv2", 0);
  set("OP_NO_SSLv3", static_cast<int64_t>(SSL_OP_NO_SSLv3));
  set("OP_NO_TLSv1", static_cast<int64_t>(SSL_OP_NO_TLSv1));
  set("OP_NO_TLSv1_1", static_cast<int64_t>(SSL_OP_NO_TLSv1_1));
  set("OP_NO_TLSv1_2", static_cast<int64_t>(SSL_OP_NO_TLSv1_2));
  set("OP_NO_TLSv1_3", static_cast<int64_t>(SSL_OP_NO_TLSv1_3));
  set("OP_NO_COMPRESSION", static_cast<int64_t>(SSL_OP_NO_COMPRESSION));
  set("OP_ALL", static_cast<int64_t>(SSL_OP_ALL));
  set("OPENSSL_VERSION_NUMBER", static_cast<int64_t>(OpenSSL_version_num()));
  d.set(intern("OPENSSL_VERSION"), new_str(OpenSSL_version(OPENSSL_VERSION)));
  d.set(intern("HAS_SNI"), Value::true_value());
  d.set(intern("HAS_TLSv1_3"), Value::true_value());
}

}  // namespace

}  // namespace gilvm::ssl_impl

namespace gilvm {

void register_ssl_module() { register_builtin_module("_ssl", ssl_impl::init_ssl_module); }

}  // namespace gilvm
