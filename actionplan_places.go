package lightbulb

// LocalAuthorities lists the local authorities a signatory can choose, by
// nation, in alphabetical order. England's list is not yet here: a person
// in England chooses only their nation.
var LocalAuthorities = map[string][]string{
	"wales": {
		"Blaenau Gwent", "Bridgend", "Caerphilly", "Cardiff", "Carmarthenshire", "Ceredigion", "Conwy",
		"Denbighshire", "Flintshire", "Gwynedd", "Isle of Anglesey", "Merthyr Tydfil", "Monmouthshire",
		"Neath Port Talbot", "Newport", "Pembrokeshire", "Powys", "Rhondda Cynon Taf", "Swansea",
		"Torfaen", "Vale of Glamorgan", "Wrexham",
	},
	"scotland": {
		"Aberdeen City", "Aberdeenshire", "Angus", "Argyll and Bute", "City of Edinburgh", "Clackmannanshire",
		"Dumfries and Galloway", "Dundee City", "East Ayrshire", "East Dunbartonshire", "East Lothian",
		"East Renfrewshire", "Falkirk", "Fife", "Glasgow City", "Highland", "Inverclyde", "Midlothian", "Moray",
		"Na h-Eileanan Siar", "North Ayrshire", "North Lanarkshire", "Orkney Islands", "Perth and Kinross",
		"Renfrewshire", "Scottish Borders", "Shetland Islands", "South Ayrshire", "South Lanarkshire", "Stirling",
		"West Dunbartonshire", "West Lothian",
	},
	"northern_ireland": {
		"Antrim and Newtownabbey", "Ards and North Down", "Armagh City, Banbridge and Craigavon", "Belfast",
		"Causeway Coast and Glens", "Derry City and Strabane", "Fermanagh and Omagh", "Lisburn and Castlereagh",
		"Mid and East Antrim", "Mid Ulster", "Newry, Mourne and Down",
	},
}

// ValidLocalAuthority reports whether la is on nation's list.
func ValidLocalAuthority(nation, la string) bool { return oneOf(la, LocalAuthorities[nation]) }
