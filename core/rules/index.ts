/**
 * The rule registry, sorted by id. Add new rules here (the parity test fails when a rule file is
 * missing from this list, or listed without its doc and test).
 */
import addRequiredColumn from './add-required-column.ts'
import backfillRequired from './backfill-required.ts'
import cardinalityMismatch from './cardinality-mismatch.ts'
import checkInvalid from './check-invalid.ts'
import checkNonImmutable from './check-non-immutable.ts'
import columnNameCase from './column-name-case.ts'
import constraintNameConvention from './constraint-name-convention.ts'
import constraintNotValid from './constraint-not-valid.ts'
import defaultInvalid from './default-invalid.ts'
import derivedColumnUnguarded from './derived-column-unguarded.ts'
import destructiveDrop from './destructive-drop.ts'
import duplicateColumnName from './duplicate-column-name.ts'
import duplicateConstraintName from './duplicate-constraint-name.ts'
import duplicateRelationName from './duplicate-relation-name.ts'
import enumValueAdded from './enum-value-added.ts'
import enumValueRemoved from './enum-value-removed.ts'
import enumVsCheckPolicy from './enum-vs-check-policy.ts'
import fkActionImpossible from './fk-action-impossible.ts'
import fkActionPolicy from './fk-action-policy.ts'
import fkColumnMismatch from './fk-column-mismatch.ts'
import fkCycle from './fk-cycle.ts'
import fkMissingIndex from './fk-missing-index.ts'
import fkMissingOnDelete from './fk-missing-on-delete.ts'
import fkTargetMissing from './fk-target-missing.ts'
import fkTargetNotUnique from './fk-target-not-unique.ts'
import identifierTooLong from './identifier-too-long.ts'
import indexNameConvention from './index-name-convention.ts'
import indexNotConcurrent from './index-not-concurrent.ts'
import intKeyOverflow from './int-key-overflow.ts'
import junctionKey from './junction-key.ts'
import lockTimeouts from './lock-timeouts.ts'
import lowSelectivityIndex from './low-selectivity-index.ts'
import missingForeignKey from './missing-foreign-key.ts'
import moneyRepresentation from './money-representation.ts'
import noFloatMoney from './no-float-money.ts'
import nonAdditiveRelease from './non-additive-release.ts'
import nonAtomicColumn from './non-atomic-column.ts'
import numericPrecision from './numeric-precision.ts'
import partitionKeyInUnique from './partition-key-in-unique.ts'
import pkColumnName from './pk-column-name.ts'
import pkTypePolicy from './pk-type-policy.ts'
import preferIdentity from './prefer-identity.ts'
import preferJsonb from './prefer-jsonb.ts'
import preferTimestamptz from './prefer-timestamptz.ts'
import redundantIndex from './redundant-index.ts'
import renameBreaksClients from './rename-breaks-clients.ts'
import requireComments from './require-comments.ts'
import requirePrimaryKey from './require-primary-key.ts'
import requireTimestamps from './require-timestamps.ts'
import reservedWordIdentifier from './reserved-word-identifier.ts'
import semanticType from './semantic-type.ts'
import sensitivePlaintext from './sensitive-plaintext.ts'
import setNotNull from './set-not-null.ts'
import softDeleteConsistency from './soft-delete-consistency.ts'
import softDeleteUnique from './soft-delete-unique.ts'
import tableNameCase from './table-name-case.ts'
import tableNameNumber from './table-name-number.ts'
import tenantRls from './tenant-rls.ts'
import textLengthPolicy from './text-length-policy.ts'
import tooManyIndexes from './too-many-indexes.ts'
import transitiveDependency from './transitive-dependency.ts'
import typeChangeRewrite from './type-change-rewrite.ts'
import typeChangeUnsafeCast from './type-change-unsafe-cast.ts'
import unconstrainedStatus from './unconstrained-status.ts'
import uniqueOrPkLocking from './unique-or-pk-locking.ts'
import updatedAtNoTrigger from './updated-at-no-trigger.ts'
import uselessPartialIndex from './useless-partial-index.ts'
import volatileDefault from './volatile-default.ts'
import wideIndex from './wide-index.ts'
import type { AnyRule } from './types.ts'

export const rules: readonly AnyRule[] = [
  addRequiredColumn,
  backfillRequired,
  cardinalityMismatch,
  checkInvalid,
  checkNonImmutable,
  columnNameCase,
  constraintNameConvention,
  constraintNotValid,
  defaultInvalid,
  derivedColumnUnguarded,
  destructiveDrop,
  duplicateColumnName,
  duplicateConstraintName,
  duplicateRelationName,
  enumValueAdded,
  enumValueRemoved,
  enumVsCheckPolicy,
  fkActionImpossible,
  fkActionPolicy,
  fkColumnMismatch,
  fkCycle,
  fkMissingIndex,
  fkMissingOnDelete,
  fkTargetMissing,
  fkTargetNotUnique,
  identifierTooLong,
  indexNameConvention,
  indexNotConcurrent,
  intKeyOverflow,
  junctionKey,
  lockTimeouts,
  lowSelectivityIndex,
  missingForeignKey,
  moneyRepresentation,
  noFloatMoney,
  nonAdditiveRelease,
  nonAtomicColumn,
  numericPrecision,
  partitionKeyInUnique,
  pkColumnName,
  pkTypePolicy,
  preferIdentity,
  preferJsonb,
  preferTimestamptz,
  redundantIndex,
  renameBreaksClients,
  requireComments,
  requirePrimaryKey,
  requireTimestamps,
  reservedWordIdentifier,
  semanticType,
  sensitivePlaintext,
  setNotNull,
  softDeleteConsistency,
  softDeleteUnique,
  tableNameCase,
  tableNameNumber,
  tenantRls,
  textLengthPolicy,
  tooManyIndexes,
  transitiveDependency,
  typeChangeRewrite,
  typeChangeUnsafeCast,
  unconstrainedStatus,
  uniqueOrPkLocking,
  updatedAtNoTrigger,
  uselessPartialIndex,
  volatileDefault,
  wideIndex,
]

export const rulesById: ReadonlyMap<string, AnyRule> = new Map(rules.map((r) => [r.meta.id, r]))
