#pragma once

#include <QtPlugin>

// What watchfixture_handlers' plugin offers: a freeze of its own.
class FreezerInterface
{
public:
    virtual ~FreezerInterface() = default;
    virtual void freeze(int ms) = 0;
};

#define FreezerInterface_iid "org.asynclab.fixture.Freezer"
Q_DECLARE_INTERFACE(FreezerInterface, FreezerInterface_iid)
