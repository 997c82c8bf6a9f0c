#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

struct evp_md_ctx_st;

// Incremental SHA-256 through OpenSSL's EVP interface (uses SHA-NI where the CPU has it, several
// times faster than QCryptographicHash on the same machine).
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    QByteArray hexDigest(); // finalises; call once
    static QByteArray hexOf(QByteArrayView data);

private:
    struct Deleter
    {
        void operator()(evp_md_ctx_st *ctx) const;
    };
    std::unique_ptr<evp_md_ctx_st, Deleter> m_ctx;
};
