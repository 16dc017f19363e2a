import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One multiplier (issue 13, shared/DOMAIN.md §2): points acceleration is shown from the tier's γ in
 * force, never stored. The figures the matrix held for it (the source's 1× / 1.5× / 2× / 3×, which
 * contradict γ) are cleared, every revision of them; the benefit stays in the catalogue, in its place.
 */
export class DeriveAcceleration1764800000000 implements MigrationInterface {
  name = 'DeriveAcceleration1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const derived: Array<{ code: string }> = await queryRunner.query("SELECT code FROM benefits WHERE type = 'POINTS_ACCELERATION'");
    for (const { code } of derived) {
      await queryRunner.query('DELETE FROM benefit_cells WHERE benefit_code = ?', [code]);
    }
  }

  /** The cleared figures contradicted γ; they are not written back. */
  async down(): Promise<void> {}
}
