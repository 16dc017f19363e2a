import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation } from '../../../kit/src';
import { PartnerBrand } from '../db/entities/PartnerBrand';
import { PartnerOffer } from '../db/entities/PartnerOffer';
import { parseLabel } from '../domain/benefitMatrix';
import { parseOffer, parsePartnerCode, type OfferInput } from '../domain/partners';

/** Adds a partner brand (its code is the partner its API keys name) or renames one. ADMIN, OPERATOR. */
export async function definePartner(
  dataSource: DataSource,
  input: { code: string; name: string },
  actor: string,
  now = new Date(),
): Promise<PartnerBrand> {
  const code = parsePartnerCode(input.code, 'code');
  const name = parseLabel(input.name, 'name');
  const brands = dataSource.getRepository(PartnerBrand);
  const brand = brands.create({ code, name, createdBy: actor, createdAt: now });
  try {
    await brands.insert(brand);
    return brand;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await brands.update({ code }, { name });
    return brands.findOneByOrFail({ code });
  }
}

/**
 * A new cross-brand offer of a known partner, with an optional total stock and per-member limit
 * (redeemPartnerOffer enforces both). Offers are never edited: new terms are a new offer.
 */
export async function definePartnerOffer(
  dataSource: DataSource,
  input: OfferInput,
  actor: string,
  now = new Date(),
): Promise<PartnerOffer> {
  const offer = parseOffer(input);
  return inTransaction(dataSource, async (manager) => {
    if (!(await manager.getRepository(PartnerBrand).existsBy({ code: offer.partnerCode }))) {
      throw new DomainError('NOT_FOUND', `no partner brand ${offer.partnerCode}`, { field: 'partner' });
    }
    const row = manager
      .getRepository(PartnerOffer)
      .create({ id: randomUUID(), ...offer, stockLeft: offer.stock, createdBy: actor, createdAt: now });
    await manager.getRepository(PartnerOffer).insert(row);
    return row;
  });
}
