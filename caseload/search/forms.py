from django import forms

from caseload.core.forms import GovUKForm
from caseload.search.domain import MAX_QUERY_LENGTH, CaseQuery, QueryInvalid, parse_query


class SearchForm(GovUKForm):
    q = forms.CharField(
        label="Name, CRN, PNC number or date of birth",
        help_text="For example, Craig Begum, X701190, 2001/0123456A or 3/4/1990",
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "required": "Enter a name, CRN, PNC number or date of birth",
            "max_length": f"Search must be {MAX_QUERY_LENGTH} characters or fewer",
        },
    )

    def clean_q(self) -> CaseQuery:
        try:
            return parse_query(self.cleaned_data["q"])
        except QueryInvalid as problem:
            raise forms.ValidationError(str(problem)) from problem
